package dev.trinity.core;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;

/** Keeps events with their MDC and arguments as they were on the logging thread. */
final class CapturingAppender extends ListAppender<ILoggingEvent> {
  @Override
  protected void append(ILoggingEvent event) {
    event.prepareForDeferredProcessing();
    super.append(event);
  }
}
