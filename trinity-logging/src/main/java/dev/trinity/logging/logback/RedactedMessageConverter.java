package dev.trinity.logging.logback;

import ch.qos.logback.classic.pattern.ClassicConverter;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.trinity.logging.Redaction;

/**
 * Renders an event's formatted message {@linkplain Redaction#scrub scrubbed} of what looks like a
 * secret; otherwise the same as {@code %msg}. Conversion word in Trinity's profiles: {@code
 * trinityMsg}. Thread-safe.
 */
public final class RedactedMessageConverter extends ClassicConverter {
  /** A converter; Logback creates it from the pattern. */
  public RedactedMessageConverter() {}

  /**
   * Renders the message.
   *
   * @param event the event
   * @return the scrubbed message
   */
  @Override
  public String convert(ILoggingEvent event) {
    String message = event.getFormattedMessage();
    return message == null ? "" : Redaction.scrub(message);
  }
}
