package dev.trinity.core.content.internal;

import dev.trinity.api.content.Project;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** A project as the offline extractor pieces it together, before it becomes a {@link Project}. */
final class ProjectDraft {
  final String name;
  private final StringBuilder description = new StringBuilder();
  @Nullable String url;
  @Nullable Integer stars;
  @Nullable String language;
  final List<String> tags = new ArrayList<>();

  ProjectDraft(String name) {
    this.name = name;
  }

  /** Appends free text to the description. */
  void describe(String text) {
    String t = text.strip();
    if (t.isEmpty()) {
      return;
    }
    if (description.length() > 0) {
      description.append(' ');
    }
    description.append(t);
  }

  /** Whether the portfolio said anything about this project besides its name. */
  boolean hasFacts() {
    return description.length() > 0 || url != null || stars != null || language != null;
  }

  /** The project, with a plain description when the portfolio gave none. */
  Project toProject() {
    String d = ProjectFields.collapse(description.toString());
    if (d.isEmpty()) {
      d = language != null ? "A " + language + " project." : "A software project.";
    }
    return new Project(
        ProjectFields.limit(name, Project.MAX_NAME_LENGTH),
        ProjectFields.limit(d, Project.MAX_DESCRIPTION_LENGTH),
        url,
        stars,
        language,
        tags.stream()
            .map(t -> ProjectFields.limit(t, Project.MAX_TAG_LENGTH))
            .distinct()
            .limit(Project.MAX_TAGS)
            .toList());
  }
}
