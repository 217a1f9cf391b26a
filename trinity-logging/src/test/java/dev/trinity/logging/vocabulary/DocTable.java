package dev.trinity.logging.vocabulary;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first Markdown table under a heading, as rows of cells, with the names written in backticks
 * in each cell. Only backticked names outside parentheses count, so a cell can explain them: in
 * {@code `fallback` (`offline` or `static`)} the name is {@code fallback}.
 */
final class DocTable {
  /**
   * One body row of the table.
   *
   * @param line the row's 1-based line in the document
   * @param cells the backticked names of each cell, in column order
   */
  record Row(int line, List<List<String>> cells) {
    /** The backticked names of one column. */
    List<String> names(int column) {
      return column < cells.size() ? cells.get(column) : List.of();
    }
  }

  private static final Pattern HEADING = Pattern.compile("#{1,6}\\s+(.*?)\\s*#*\\s*");
  private static final Pattern TICKED = Pattern.compile("`([^`]+)`");
  private static final Pattern PARENTHESES = Pattern.compile("\\([^()]*\\)");

  private DocTable() {}

  /**
   * The body rows of the first table under a heading.
   *
   * @param markdown the document
   * @param heading the heading's text, such as {@code Events}
   * @return the rows, without the header and its separator
   * @throws IllegalArgumentException when there is no such heading or no table under it
   */
  static List<Row> under(String markdown, String heading) {
    String[] lines = markdown.split("\n", -1);
    int at = -1;
    for (int i = 0; i < lines.length && at < 0; i++) {
      Matcher h = HEADING.matcher(lines[i].strip());
      if (h.matches() && h.group(1).equals(heading)) {
        at = i + 1;
      }
    }
    if (at < 0) {
      throw new IllegalArgumentException("no heading \"" + heading + "\"");
    }
    List<Row> rows = new ArrayList<>();
    int tableLine = 0;
    for (int i = at; i < lines.length; i++) {
      String line = lines[i].strip();
      if (HEADING.matcher(line).matches() && !line.startsWith("|")) {
        break;
      }
      if (!line.startsWith("|")) {
        if (tableLine > 0) {
          break;
        }
        continue;
      }
      tableLine++;
      if (tableLine > 2) {
        rows.add(new Row(i + 1, cells(line)));
      }
    }
    if (tableLine == 0) {
      throw new IllegalArgumentException("no table under the heading \"" + heading + "\"");
    }
    return rows;
  }

  private static List<List<String>> cells(String line) {
    String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
    List<List<String>> cells = new ArrayList<>();
    for (String cell : inner.split("\\|", -1)) {
      List<String> names = new ArrayList<>();
      String named = cell;
      String before;
      do { // innermost parentheses first, until none are left
        before = named;
        named = PARENTHESES.matcher(named).replaceAll("");
      } while (!named.equals(before));
      Matcher m = TICKED.matcher(named);
      while (m.find()) {
        names.add(m.group(1));
      }
      cells.add(names);
    }
    return cells;
  }
}
