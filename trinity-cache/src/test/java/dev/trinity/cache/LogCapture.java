package dev.trinity.cache;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/** Records the events Trinity's cache logs, for the duration of each test. */
final class LogCapture implements BeforeEachCallback, AfterEachCallback {
  private final Logger logger = (Logger) LoggerFactory.getLogger("dev.trinity.cache");
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  @Override
  public void beforeEach(ExtensionContext context) {
    appender.list.clear();
    appender.start();
    logger.addAppender(appender);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    logger.detachAppender(appender);
    appender.stop();
  }

  /** The key-values of each event with this message, in order. */
  List<Map<String, String>> events(String message) {
    synchronized (appender) {
      return appender.list.stream()
          .filter(e -> message.equals(e.getMessage()))
          .map(LogCapture::keyValues)
          .collect(Collectors.toList());
    }
  }

  /** Every formatted message, for checks that a secret never shows. */
  String everything() {
    synchronized (appender) {
      return appender.list.stream()
          .map(
              e ->
                  e.getFormattedMessage()
                      + " "
                      + keyValues(e)
                      + (e.getThrowableProxy() == null
                          ? ""
                          : " " + e.getThrowableProxy().getMessage()))
          .collect(Collectors.joining("\n"));
    }
  }

  private static Map<String, String> keyValues(ILoggingEvent e) {
    List<KeyValuePair> pairs = e.getKeyValuePairs();
    return pairs == null
        ? Map.of()
        : pairs.stream().collect(Collectors.toMap(p -> p.key, p -> String.valueOf(p.value)));
  }
}
