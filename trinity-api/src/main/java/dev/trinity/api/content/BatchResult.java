package dev.trinity.api.content;

import java.util.List;

/**
 * The outcome of a batch: one {@link ItemResult} per request, in request order. Each request
 * succeeded or failed on its own. Immutable.
 *
 * @param items one result per request, in the order the requests were given
 */
public record BatchResult(List<ItemResult> items) {

  /** Copies the items. */
  public BatchResult {
    items = List.copyOf(items);
  }

  /**
   * How many requests the batch had.
   *
   * @return the count
   */
  public int total() {
    return items.size();
  }

  /**
   * How many requests succeeded.
   *
   * @return the count
   */
  public int succeeded() {
    return (int) items.stream().filter(ItemResult::isSuccess).count();
  }

  /**
   * How many requests failed.
   *
   * @return the count
   */
  public int failed() {
    return total() - succeeded();
  }

  /**
   * The content of every request that succeeded, in request order.
   *
   * @return an unmodifiable list
   */
  public List<GeneratedContent> contents() {
    return items.stream().flatMap(i -> i.contentIfPresent().stream()).toList();
  }

  /**
   * The items that failed, in request order.
   *
   * @return an unmodifiable list
   */
  public List<ItemResult> failures() {
    return items.stream().filter(i -> !i.isSuccess()).toList();
  }
}
