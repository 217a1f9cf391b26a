package dev.trinity.core.internal.providers;

import org.jspecify.annotations.Nullable;

/**
 * Reads server-sent events line by line: gathers an event's {@code data:} lines (joined by {@code
 * \n}) until the blank line that ends it, and ignores comments ({@code :}) and the other fields
 * ({@code event:}, {@code id:}, {@code retry:}). One instance per stream; not thread-safe.
 */
public final class SseEvents {
  private final StringBuilder data = new StringBuilder();
  private boolean hasData;

  /**
   * Reads one line of the stream, without its line terminator.
   *
   * @param line the line
   * @return the data of the event this line ends, or null when no event ended
   */
  public @Nullable String line(String line) {
    if (line.isEmpty()) {
      return dispatch();
    }
    if (line.startsWith(":")) {
      return null;
    }
    int colon = line.indexOf(':');
    String field = colon < 0 ? line : line.substring(0, colon);
    if (!field.equals("data")) {
      return null;
    }
    String value = colon < 0 ? "" : line.substring(colon + 1);
    if (value.startsWith(" ")) {
      value = value.substring(1);
    }
    if (hasData) {
      data.append('\n');
    }
    data.append(value);
    hasData = true;
    return null;
  }

  /**
   * Ends the stream: the data of an event the server did not end with a blank line.
   *
   * @return that data, or null when there was none
   */
  public @Nullable String end() {
    return dispatch();
  }

  private @Nullable String dispatch() {
    if (!hasData) {
      return null;
    }
    String event = data.toString();
    data.setLength(0);
    hasData = false;
    return event;
  }
}
