package dev.trinity.api.content;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The hero section at the top of the page. Immutable.
 *
 * @param title the headline, 1 to {@value #MAX_TITLE_LENGTH} characters
 * @param subtitle the line under it, 1 to {@value #MAX_SUBTITLE_LENGTH} characters
 * @param ctaPrimary the main button ({@code cta_primary}), or null
 * @param ctaSecondary the second button ({@code cta_secondary}), or null
 */
public record Hero(
    @JsonProperty("title") String title,
    @JsonProperty("subtitle") String subtitle,
    @JsonProperty("cta_primary") @Nullable Link ctaPrimary,
    @JsonProperty("cta_secondary") @Nullable Link ctaSecondary) {
  /** Longest accepted title: {@value}. */
  public static final int MAX_TITLE_LENGTH = 200;

  /** Longest accepted subtitle: {@value}. */
  public static final int MAX_SUBTITLE_LENGTH = 500;

  /**
   * Checks that the title and subtitle are present.
   *
   * @throws NullPointerException when the title or subtitle is null
   */
  @JsonCreator
  public Hero {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(subtitle, "subtitle");
  }
}
