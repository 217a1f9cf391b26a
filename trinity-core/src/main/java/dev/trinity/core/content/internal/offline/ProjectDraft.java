package dev.trinity.core.content.internal.offline;

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

  /**
   * The project as a page may show it: plain text only (no markup, no personal data), a plain
   * description when the portfolio gave none, only safe URLs.
   */
  Project toProject() {
    String d = PersonalData.scrub(Text.plain(description.toString()), false);
    if (!Text.hasWord(d)) {
      d = language != null ? "A " + language + " project." : "A software project.";
    }
    String n = Text.plain(name);
    String lang = language == null ? null : Text.plain(language);
    return new Project(
        Text.limit(n.isEmpty() ? name.strip() : n, Project.MAX_NAME_LENGTH),
        Text.limit(d, Project.MAX_DESCRIPTION_LENGTH),
        url == null || ProjectFields.isImage(url) ? null : SafeUrl.of(url),
        stars,
        lang == null || lang.isEmpty() ? null : lang,
        tags.stream()
            .map(Text::plain)
            .filter(Text::hasWord)
            .filter(t -> !PersonalData.in(t, false))
            .map(t -> Text.limit(t, Project.MAX_TAG_LENGTH))
            .distinct()
            .limit(Project.MAX_TAGS)
            .toList());
  }
}
