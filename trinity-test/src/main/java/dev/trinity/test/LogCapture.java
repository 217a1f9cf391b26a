package dev.trinity.test;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.LoggerFactory;
import org.slf4j.event.KeyValuePair;

/**
 * Records the events one logger (and the loggers below it) emits, for assertions on Trinity's
 * structured log events. Needs Logback as the SLF4J backend.
 *
 * <p>As a JUnit 5 extension it records for the duration of each test:
 *
 * <pre>{@code
 * @RegisterExtension final LogCapture logs = LogCapture.of("dev.trinity.cache");
 *
 * assertThat(logs.keyValues("cache_tier_failed")).singleElement()
 *     .satisfies(kv -> assertThat(kv).containsEntry("tier", "redis"));
 * }</pre>
 *
 * By hand, {@link #start()} it and {@link #close()} it (try-with-resources):
 *
 * <pre>{@code
 * try (LogCapture logs = LogCapture.of(Healer.class).atLevel(Level.DEBUG).start()) {
 *   ...
 *   assertThat(logs.events("layout_healed")).hasSize(1);
 * }
 * }</pre>
 *
 * <p>Each event is recorded with the MDC, arguments and key-value pairs it had on the thread that
 * logged it ({@link ILoggingEvent#prepareForDeferredProcessing()}), so events logged on pool
 * threads keep their correlation id. Messages are matched on the raw message, which for Trinity's
 * events is the event name.
 *
 * <p>Thread-safe: events may arrive from any thread while the test reads snapshots of them.
 */
public final class LogCapture implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
  private final String loggerName;
  private final Recorder recorder = new Recorder();
  private org.slf4j.event.Level level;
  private Logger logger;
  private Level levelBefore;

  private LogCapture(String loggerName) {
    this.loggerName = loggerName;
  }

  /**
   * A capture of the named logger and its descendants, not started yet.
   *
   * @param loggerName the logger, for example {@code "dev.trinity"}; {@code "ROOT"} for all
   * @return the capture
   * @throws NullPointerException if {@code loggerName} is null
   * @throws IllegalArgumentException if {@code loggerName} is blank
   */
  public static LogCapture of(String loggerName) {
    Objects.requireNonNull(loggerName, "loggerName");
    if (loggerName.isBlank()) {
      throw new IllegalArgumentException("loggerName must not be blank");
    }
    return new LogCapture(loggerName);
  }

  /**
   * A capture of the logger named after a class, not started yet.
   *
   * @param type the class whose logger to capture
   * @return the capture
   * @throws NullPointerException if {@code type} is null
   */
  public static LogCapture of(Class<?> type) {
    return of(Objects.requireNonNull(type, "type").getName());
  }

  /**
   * Sets the logger's level while the capture runs; {@link #close()} puts the previous one back.
   * Without it the logger keeps the level the configuration gives it.
   *
   * @param level the level, for example {@code DEBUG} to see the events logged at debug
   * @return this capture
   * @throws NullPointerException if {@code level} is null
   * @throws IllegalStateException if the capture has started
   */
  public synchronized LogCapture atLevel(org.slf4j.event.Level level) {
    Objects.requireNonNull(level, "level");
    if (logger != null) {
      throw new IllegalStateException("set the level of " + loggerName + " before start()");
    }
    this.level = level;
    return this;
  }

  /**
   * Forgets earlier events and starts recording.
   *
   * @return this capture
   * @throws IllegalStateException if it is already recording, or the SLF4J backend is not Logback
   */
  public synchronized LogCapture start() {
    if (logger != null) {
      throw new IllegalStateException("the capture of " + loggerName + " has already started");
    }
    org.slf4j.Logger found = LoggerFactory.getLogger(loggerName);
    if (!(found instanceof Logger)) {
      throw new IllegalStateException(
          "LogCapture needs Logback as the SLF4J backend; the logger "
              + loggerName
              + " is a "
              + found.getClass().getName());
    }
    Logger l = (Logger) found;
    levelBefore = l.getLevel();
    if (level != null) {
      l.setLevel(Level.toLevel(level.name()));
    }
    recorder.clear();
    recorder.setContext(l.getLoggerContext());
    recorder.setName("capture-" + loggerName);
    recorder.start();
    l.addAppender(recorder);
    logger = l;
    return this;
  }

  /** Stops recording and restores the logger's level. Does nothing if not recording. */
  @Override
  public synchronized void close() {
    if (logger == null) {
      return;
    }
    logger.detachAppender(recorder);
    recorder.stop();
    logger.setLevel(levelBefore);
    logger = null;
  }

  /**
   * Starts recording before each test.
   *
   * @param context the test's context
   */
  @Override
  public void beforeEach(ExtensionContext context) {
    start();
  }

  /**
   * Stops recording after each test.
   *
   * @param context the test's context
   */
  @Override
  public void afterEach(ExtensionContext context) {
    close();
  }

  /**
   * Every event recorded so far, in the order they were logged.
   *
   * @return a snapshot
   */
  public List<ILoggingEvent> events() {
    return recorder.snapshot();
  }

  /**
   * The events whose raw message (the event name, for Trinity's events) equals {@code message}.
   *
   * @param message the message
   * @return a snapshot, in the order they were logged
   */
  public List<ILoggingEvent> events(String message) {
    return recorder.snapshot().stream().filter(e -> message.equals(e.getMessage())).toList();
  }

  /**
   * The key-value pairs of each event whose raw message equals {@code message}, values as strings.
   *
   * @param message the message
   * @return one map per event, in the order they were logged
   */
  public List<Map<String, String>> keyValues(String message) {
    return events(message).stream().map(LogCapture::keyValues).toList();
  }

  /** Forgets the events recorded so far. */
  public void clear() {
    recorder.clear();
  }

  /**
   * Everything recorded, one line an event: formatted message, key-value pairs, MDC and the
   * messages of the throwable and its causes. For checks that a secret never shows.
   *
   * @return the text; empty if nothing was recorded
   */
  public String everything() {
    return recorder.snapshot().stream().map(LogCapture::render).collect(Collectors.joining("\n"));
  }

  /**
   * One event as text: formatted message, key-value pairs, MDC and the messages of its throwable
   * and the throwable's causes.
   *
   * @param event the event
   * @return the text
   */
  public static String render(ILoggingEvent event) {
    StringBuilder b = new StringBuilder(event.getFormattedMessage());
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs != null) {
      pairs.forEach(kv -> b.append(' ').append(kv.key).append('=').append(kv.value));
    }
    b.append(' ').append(event.getMDCPropertyMap());
    for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
      b.append(' ').append(t.getMessage());
    }
    return b.toString();
  }

  /**
   * An event's key-value pairs, values as strings, in the order they were added.
   *
   * @param event the event
   * @return the pairs; empty if it has none
   */
  public static Map<String, String> keyValues(ILoggingEvent event) {
    Map<String, String> out = new LinkedHashMap<>();
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs != null) {
      pairs.forEach(p -> out.put(p.key, String.valueOf(p.value)));
    }
    return out;
  }

  /**
   * The value of one key-value pair of an event, as logged (not turned into a string).
   *
   * @param event the event
   * @param key the key
   * @return the value; null if it was logged as null
   * @throws AssertionError if the event has no pair with that key
   */
  public static Object value(ILoggingEvent event, String key) {
    List<KeyValuePair> pairs = event.getKeyValuePairs();
    if (pairs != null) {
      for (KeyValuePair p : pairs) {
        if (p.key.equals(key)) {
          return p.value;
        }
      }
    }
    throw new AssertionError(
        "no key " + key + " in " + event.getMessage() + " " + keyValues(event).keySet());
  }

  @Override
  public String toString() {
    return "LogCapture[" + loggerName + ", " + recorder.snapshot().size() + " events]";
  }

  private static final class Recorder extends AppenderBase<ILoggingEvent> {
    private final List<ILoggingEvent> events = new ArrayList<>();

    @Override
    protected void append(ILoggingEvent event) {
      event.prepareForDeferredProcessing();
      synchronized (events) {
        events.add(event);
      }
    }

    List<ILoggingEvent> snapshot() {
      synchronized (events) {
        return List.copyOf(events);
      }
    }

    void clear() {
      synchronized (events) {
        events.clear();
      }
    }
  }
}
