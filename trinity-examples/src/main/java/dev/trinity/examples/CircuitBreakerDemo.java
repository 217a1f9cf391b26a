package dev.trinity.examples;

import com.sun.net.httpserver.HttpServer;
import dev.trinity.api.CircuitOpenException;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.TrinityException;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.Trinity;
import dev.trinity.core.TrinityConfig;
import dev.trinity.core.resilience.CircuitBreakerConfig;
import dev.trinity.core.resilience.CircuitBreakerStatus;
import dev.trinity.core.resilience.RetryConfig;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Drives a failing endpoint through CLOSED → OPEN → HALF_OPEN → CLOSED and prints each transition
 * and the breaker's status. A local stand-in for Ollama answers 503 until it "recovers"; the clock
 * is injected, so the 30-second open duration passes at once.
 *
 * <pre>
 * ./mvnw -q -pl trinity-examples exec:java -Dexec.mainClass=dev.trinity.examples.CircuitBreakerDemo
 * </pre>
 */
public final class CircuitBreakerDemo {
  private CircuitBreakerDemo() {}

  /**
   * Runs the demo.
   *
   * @param args ignored
   * @throws Exception when the local server cannot start
   */
  public static void main(String[] args) throws Exception {
    AtomicBoolean healthy = new AtomicBoolean(false);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext(
        "/api/chat",
        ex -> {
          ex.getRequestBody().readAllBytes();
          boolean ok = healthy.get();
          byte[] body =
              (ok
                      ? "{\"model\":\"demo\",\"message\":{\"role\":\"assistant\",\"content\":\"I am back\"},"
                          + "\"done\":true,\"prompt_eval_count\":3,\"eval_count\":3}"
                      : "{\"error\":\"model is loading\"}")
                  .getBytes(StandardCharsets.UTF_8);
          ex.sendResponseHeaders(ok ? 200 : 503, body.length);
          try (OutputStream os = ex.getResponseBody()) {
            os.write(body);
          }
        });
    server.start();
    ManualClock clock = new ManualClock();
    TrinityConfig config =
        TrinityConfig.builder()
            .llm(
                LlmConfig.builder()
                    .provider("ollama")
                    .baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
                    .model("demo")
                    .build())
            .retry(RetryConfig.disabled())
            .circuitBreaker(
                CircuitBreakerConfig.builder()
                    .failureThreshold(3)
                    .openDuration(Duration.ofSeconds(30))
                    .build())
            .build();
    try (Trinity trinity = Trinity.builder().config(config).clock(clock).build()) {
      trinity
          .circuitBreakers()
          .addListener(
              (name, from, to) -> System.out.printf("  >> %s: %s -> %s%n", name, from, to));

      System.out.println("1. the endpoint answers 503; three calls fail and open the breaker");
      for (int i = 1; i <= 3; i++) {
        call(trinity, "call " + i);
      }
      printStatus(trinity);

      System.out.println("2. while open, calls fail fast without reaching the server");
      call(trinity, "call 4");

      System.out.println("3. 30 s later the endpoint has recovered; the next call is a probe");
      clock.advance(Duration.ofSeconds(30));
      healthy.set(true);
      call(trinity, "probe");
      printStatus(trinity);
    } finally {
      server.stop(0);
    }
  }

  private static void call(Trinity trinity, String what) {
    try {
      String text = trinity.llm().generate(LlmRequest.of("Say hello (" + what + ")")).text();
      System.out.printf("  %s: ok, \"%s\"%n", what, text);
    } catch (CircuitOpenException e) {
      System.out.printf("  %s: rejected, %s%n", what, e.getMessage());
    } catch (TrinityException e) {
      System.out.printf("  %s: failed, %s%n", what, e.getMessage());
    }
  }

  private static void printStatus(Trinity trinity) {
    for (CircuitBreakerStatus s : trinity.circuitBreakers().statusOfAll().values()) {
      System.out.printf(
          "  status: state=%s consecutive_failures=%d calls=%d failures=%d successes=%d"
              + " rejected=%d failure_rate=%.0f%% state_changes=%d%n",
          s.state(),
          s.consecutiveFailures(),
          s.totalCalls(),
          s.totalFailures(),
          s.totalSuccesses(),
          s.totalRejected(),
          s.failureRate(),
          s.stateChanges());
    }
  }

  /** A clock the demo moves by hand. */
  private static final class ManualClock extends Clock {
    private volatile Instant now = Instant.parse("2026-01-01T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
