package dev.trinity.logging.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.core.status.Status;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.slf4j.MDC;

/** A fresh Logback context per test, and a capture of what the console appender prints. */
final class TestContexts {
  private TestContexts() {}

  /** A context of its own, sharing the MDC the tests write through {@link MDC}. */
  static LoggerContext newContext() {
    LoggerContext context = new LoggerContext();
    context.setName("test");
    context.setMDCAdapter(MDC.getMDCAdapter());
    context.start();
    return context;
  }

  /** Logback reports failures to append as status messages, not exceptions: fail on those. */
  static void assertNoErrors(LoggerContext context) {
    List<String> errors =
        context.getStatusManager().getCopyOfStatusList().stream()
            .filter(s -> s.getLevel() >= Status.ERROR)
            .map(s -> s.getMessage() + " " + s.getThrowable())
            .toList();
    assertThat(errors).isEmpty();
  }

  /**
   * Replaces {@code System.out} until closed. Logback's console appender writes to whatever {@code
   * System.out} is at the time of each event.
   */
  static final class Stdout implements AutoCloseable {
    private final PrintStream original = System.out;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    Stdout() {
      System.setOut(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    }

    String text() {
      System.out.flush();
      return bytes.toString(StandardCharsets.UTF_8);
    }

    List<String> lines() {
      return text().lines().toList();
    }

    @Override
    public void close() {
      System.setOut(original);
    }
  }
}
