package dev.trinity.core.content.internal.offline;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Reads a <a href="https://jsonresume.org/schema">JSON Resume</a>: the name and summary from {@code
 * basics}, the GitHub profile from {@code basics.profiles}, the projects from {@code projects[]}
 * (name, description, url, keywords; the first keyword that is a programming language as the
 * language; a non-standard {@code stars} or {@code language} field when present).
 */
final class JsonResumeFormat {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** What the résumé says. */
  record Resume(
      @Nullable String name,
      @Nullable String summary,
      @Nullable String profileUrl,
      List<ProjectDraft> projects) {}

  private JsonResumeFormat() {}

  /** The document, when the text is a JSON object shaped like a JSON Resume; else null. */
  static @Nullable JsonNode parse(String text) {
    String t = text.strip();
    if (!t.startsWith("{")) {
      return null;
    }
    try {
      JsonNode node = JSON.readTree(t);
      boolean resume =
          node != null
              && node.isObject()
              && (node.path("basics").isObject()
                  || node.path("projects").isArray()
                  || node.path("work").isArray());
      return resume ? node : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  static Resume read(JsonNode root) {
    JsonNode basics = root.path("basics");
    String name = text(basics, "name");
    String summary = text(basics, "summary");
    if (summary == null) {
      summary = text(basics, "label");
    }
    String profile = null;
    for (JsonNode p : basics.path("profiles")) {
      String network = text(p, "network");
      if (network != null && network.equalsIgnoreCase("github")) {
        profile = SafeUrl.of(text(p, "url"));
        if (profile == null && text(p, "username") != null) {
          profile = SafeUrl.of("https://github.com/" + text(p, "username"));
        }
      }
    }
    List<ProjectDraft> projects = new ArrayList<>();
    for (JsonNode p : root.path("projects")) {
      String projectName = text(p, "name");
      ProjectDraft d = projectName == null ? null : DocumentFormat.draft(projectName);
      if (d == null) {
        continue;
      }
      String description = text(p, "description");
      if (description != null) {
        d.describe(ProjectFields.absorbInline(description, d));
      }
      for (JsonNode h : p.path("highlights")) {
        if (h.isTextual()) {
          d.describe(h.asText().strip().replaceAll("([^.!?])$", "$1."));
        }
      }
      String url = text(p, "url");
      if (url == null) {
        url = text(p, "repository");
      }
      d.url = SafeUrl.of(url);
      if (p.path("stars").canConvertToInt()) {
        d.stars = Math.max(0, p.path("stars").asInt());
      }
      String language = text(p, "language");
      if (language != null) {
        ProjectFields.applyKeyLine("Language: " + language, d);
      }
      for (JsonNode k : p.path("keywords")) {
        if (!k.isTextual()) {
          continue;
        }
        String lang = ProjectFields.language(k.asText());
        if (lang != null && d.language == null) {
          d.language = lang;
        } else if (lang == null) {
          d.tags.add(k.asText().strip());
        }
      }
      projects.add(d);
    }
    return new Resume(name, summary, profile, projects);
  }

  private static @Nullable String text(JsonNode node, String field) {
    JsonNode v = node.path(field);
    if (!v.isTextual() || v.asText().isBlank()) {
      return null;
    }
    return v.asText().strip();
  }
}
