package dev.trinity.core.content.internal.offline;

import dev.trinity.core.content.internal.offline.Block.Cell;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads projects from a table: one row a project, the columns found by their header in five
 * languages (name / Projekt / Progetto / Projet / Proyecto, description, language, stars or ★,
 * link, tags). Outside a projects section a table counts only when it has a name column and a
 * column of facts, so a table of skills or badges is not read as projects.
 */
final class ProjectTable {
  private ProjectTable() {}

  private enum Column {
    NAME,
    DESCRIPTION,
    LANGUAGE,
    STARS,
    LINK,
    TAGS,
    OTHER
  }

  private static final List<String> NAME_HEADERS =
      List.of(
          "project",
          "projects",
          "name",
          "repo",
          "repository",
          "projekt",
          "projekte",
          "progetto",
          "progetti",
          "nome",
          "projet",
          "projets",
          "nom",
          "proyecto",
          "proyectos",
          "nombre",
          "tool",
          "library",
          "app");
  private static final List<String> DESCRIPTION_HEADERS =
      List.of(
          "description",
          "about",
          "what",
          "what it does",
          "details",
          "summary",
          "beschreibung",
          "descrizione",
          "descripcion",
          "info",
          "notes");

  /** Projects from a table's rows, in a projects section or not. */
  static List<ProjectDraft> projects(Block.@Nullable Table table, boolean inProjects) {
    List<ProjectDraft> out = new ArrayList<>();
    if (table == null || table.rows().isEmpty()) {
      return out;
    }
    List<Column> columns = new ArrayList<>();
    for (String h : table.header()) {
      columns.add(column(h));
    }
    boolean hasName = columns.contains(Column.NAME);
    boolean hasFacts =
        columns.contains(Column.DESCRIPTION)
            || columns.contains(Column.STARS)
            || columns.contains(Column.LANGUAGE)
            || columns.contains(Column.LINK);
    if (!hasFacts || (!hasName && !inProjects)) {
      return out;
    }
    int nameColumn = hasName ? columns.indexOf(Column.NAME) : 0;
    for (List<Cell> row : table.rows()) {
      if (row.size() <= nameColumn) {
        continue;
      }
      Cell nameCell = row.get(nameColumn);
      String name = nameCell.lead() != null ? nameCell.lead().text() : nameCell.text();
      ProjectDraft d = DocumentFormat.draft(name);
      if (d == null) {
        continue;
      }
      if (nameCell.lead() != null && nameCell.lead().url() != null) {
        d.url = nameCell.lead().url();
      } else if (!nameCell.urls().isEmpty()) {
        d.url = nameCell.urls().get(0);
      }
      for (int i = 0; i < row.size() && i < columns.size(); i++) {
        if (i == nameColumn) {
          continue;
        }
        Cell cell = row.get(i);
        String v = cell.text();
        switch (columns.get(i)) {
          case DESCRIPTION:
            d.describe(ProjectFields.absorbInline(v, d));
            break;
          case LANGUAGE:
            if (!v.isBlank() && d.language == null) {
              ProjectFields.applyKeyLine("Language: " + v, d);
            }
            break;
          case STARS:
            Integer stars = ProjectFields.count(v);
            if (stars != null) {
              d.stars = stars;
            }
            break;
          case LINK:
            if (d.url == null) {
              d.url = !cell.urls().isEmpty() ? cell.urls().get(0) : ProjectFields.url(v);
            }
            break;
          case TAGS:
            ProjectFields.applyKeyLine("Tags: " + v, d);
            break;
          default:
            break;
        }
      }
      out.add(d);
    }
    return out;
  }

  private static Column column(String header) {
    if (Labels.field(header) == Labels.Field.STARS) {
      return Column.STARS;
    }
    String h = Labels.fold(Text.withoutEmoji(header));
    if (NAME_HEADERS.contains(h)) {
      return Column.NAME;
    }
    if (DESCRIPTION_HEADERS.contains(h) || Labels.field(h) == Labels.Field.DESCRIPTION) {
      return Column.DESCRIPTION;
    }
    Labels.Field f = Labels.field(h);
    if (f == null) {
      return Column.OTHER;
    }
    return switch (f) {
      case LANGUAGE -> Column.LANGUAGE;
      case STARS -> Column.STARS;
      case LINK -> Column.LINK;
      case TAGS -> Column.TAGS;
      default -> Column.OTHER;
    };
  }
}
