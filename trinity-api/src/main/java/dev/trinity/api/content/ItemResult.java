package dev.trinity.api.content;

import dev.trinity.api.TrinityException;
import dev.trinity.api.internal.Checks;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one request in a batch: its content, or the failure that request alone met.
 * Immutable.
 *
 * @param index the request's position in the batch, from 0
 * @param request the request
 * @param content the content when it succeeded, otherwise null
 * @param error the failure when it failed, otherwise null
 */
public record ItemResult(
    int index,
    ContentRequest request,
    @Nullable GeneratedContent content,
    @Nullable TrinityException error) {

  /**
   * Checks that exactly one of content and error is present.
   *
   * @throws IllegalArgumentException when both or neither are present, or the index is negative
   */
  public ItemResult {
    Objects.requireNonNull(request, "request");
    Checks.requireNonNegative(index, "index");
    if ((content == null) == (error == null)) {
      throw new IllegalArgumentException("an item has either content or an error");
    }
  }

  /**
   * A successful item.
   *
   * @param index the request's position
   * @param request the request
   * @param content its content
   * @return the item
   */
  public static ItemResult success(int index, ContentRequest request, GeneratedContent content) {
    return new ItemResult(index, request, Objects.requireNonNull(content, "content"), null);
  }

  /**
   * A failed item.
   *
   * @param index the request's position
   * @param request the request
   * @param error what it failed with
   * @return the item
   */
  public static ItemResult failure(int index, ContentRequest request, TrinityException error) {
    return new ItemResult(index, request, null, Objects.requireNonNull(error, "error"));
  }

  /**
   * Whether this request succeeded.
   *
   * @return true when {@link #content()} is present
   */
  public boolean isSuccess() {
    return content != null;
  }

  /**
   * The content, as an optional.
   *
   * @return the content, or empty when the request failed
   */
  public Optional<GeneratedContent> contentIfPresent() {
    return Optional.ofNullable(content);
  }

  /**
   * The failure, as an optional.
   *
   * @return the failure, or empty when the request succeeded
   */
  public Optional<TrinityException> errorIfPresent() {
    return Optional.ofNullable(error);
  }
}
