package dev.trinity.api.content;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One project (a repository) shown on the page; an item of {@code repos} in JSON. Immutable.
 *
 * @param name the project's name, 1 to {@value #MAX_NAME_LENGTH} characters
 * @param description what it does, 1 to {@value #MAX_DESCRIPTION_LENGTH} characters
 * @param url where it lives, or null when the portfolio does not say
 * @param stars its star count, at least 0, or null when unknown
 * @param language its main programming language, or null when unknown
 * @param tags short topic labels, at most {@value #MAX_TAGS}; empty when there are none
 */
public record Project(
    @JsonProperty("name") String name,
    @JsonProperty("description") String description,
    @JsonProperty("url") @Nullable String url,
    @JsonProperty("stars") @Nullable Integer stars,
    @JsonProperty("language") @Nullable String language,
    @JsonProperty("tags") List<String> tags) {
  /** Longest accepted name: {@value}. */
  public static final int MAX_NAME_LENGTH = 200;

  /** Longest accepted description: {@value}. */
  public static final int MAX_DESCRIPTION_LENGTH = 1000;

  /** Most tags per project: {@value}. */
  public static final int MAX_TAGS = 10;

  /** Longest accepted tag: {@value}. */
  public static final int MAX_TAG_LENGTH = 50;

  /**
   * Checks presence and copies the tags; a null tag list becomes empty.
   *
   * @throws NullPointerException when the name or description is null
   */
  @JsonCreator
  public Project {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(description, "description");
    tags = tags == null ? List.of() : List.copyOf(tags);
  }
}
