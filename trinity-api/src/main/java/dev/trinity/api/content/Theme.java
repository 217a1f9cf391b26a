package dev.trinity.api.content;

import dev.trinity.api.internal.Checks;
import java.util.Objects;

/**
 * A visual and editorial theme: its name, what it looks like, the voice the model writes in, and
 * the content rules applied to every answer. Immutable.
 *
 * <p>Built in: {@code brutalist}, {@code hacker}, {@code minimalist}, {@code enterprise}, {@code
 * editorial}. Hosts add their own in code or from a YAML file (see {@code docs/content.md}).
 *
 * @param name the name hosts select it by: lower-case letters, digits, {@code -} and {@code _}
 * @param description one line on what the theme looks like, for people and for the prompt
 * @param voice how the copy should read; goes into the system prompt
 * @param rules case and length rules applied after validation
 */
public record Theme(String name, String description, String voice, ThemeRules rules) {

  /**
   * Validates the theme.
   *
   * @throws IllegalArgumentException when the name is not a lower-case identifier or the
   *     description or voice is blank
   */
  public Theme {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    Objects.requireNonNull(voice, "voice");
    Objects.requireNonNull(rules, "rules");
    if (!name.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
      throw new IllegalArgumentException(
          "theme name must be 1-64 lower-case letters, digits, '-' or '_', was '" + name + "'");
    }
    Checks.requireNonBlank(description, "theme '" + name + "': description");
    Checks.requireNonBlank(voice, "theme '" + name + "': voice");
  }

  /**
   * Describes the theme by name; the voice text is for prompts.
   *
   * @return {@code Theme[name]}
   */
  @Override
  public String toString() {
    return "Theme[" + name + "]";
  }
}
