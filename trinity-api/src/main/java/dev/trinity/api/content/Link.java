package dev.trinity.api.content;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * A labelled link: a menu item or a call-to-action button. Immutable.
 *
 * <p>The engine accepts only links that {@link SafeLinks} allows: absolute {@code http://} and
 * {@code https://} URLs, page anchors ({@code #projects}) and {@code mailto:} links. The
 * constructor does not check the URL; content built by hand should be checked with {@link
 * SafeLinks#isAllowed(String)}, and a renderer checks it again before writing it into a page.
 *
 * @param label the text shown, 1 to {@value #MAX_LABEL_LENGTH} characters
 * @param url where it leads
 */
public record Link(@JsonProperty("label") String label, @JsonProperty("url") String url) {
  /** Longest accepted label: {@value}. */
  public static final int MAX_LABEL_LENGTH = 100;

  /**
   * Checks that both parts are present.
   *
   * @throws NullPointerException when the label or URL is null
   */
  @JsonCreator
  public Link {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(url, "url");
  }
}
