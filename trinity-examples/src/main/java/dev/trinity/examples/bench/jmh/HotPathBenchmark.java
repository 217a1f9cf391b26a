package dev.trinity.examples.bench.jmh;

import dev.trinity.api.LlmRequest;
import dev.trinity.core.internal.cache.RequestKeys;
import dev.trinity.core.resilience.CircuitBreaker;
import dev.trinity.core.resilience.CircuitBreakerConfig;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** The request key of a 30 KB prompt, and the circuit breaker's permit check plus success. */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class HotPathBenchmark {
  private LlmRequest request;
  private CircuitBreaker breaker;

  /** Builds a 30 KB prompt and a closed breaker. */
  @Setup(Level.Trial)
  public void setUp() {
    StringBuilder prompt = new StringBuilder();
    while (prompt.length() < 30 * 1024) {
      prompt.append("## project-").append(prompt.length()).append("\nLanguage: Go\nStars: 12\n");
    }
    request =
        LlmRequest.builder()
            .systemPrompt("You write website copy as JSON.")
            .prompt(prompt.toString())
            .model("llama3.2:3b")
            .temperature(0.7)
            .promptVersion("content-v1")
            .build();
    breaker = CircuitBreaker.of("bench", CircuitBreakerConfig.ofDefaults(), Clock.systemUTC());
  }

  /** SHA-256 of the canonical encoding of a 30 KB request. */
  @Benchmark
  public String requestKey30k() {
    return RequestKeys.of("ollama", "http://localhost:11434", request);
  }

  /** One permit check and a recorded success on a closed breaker. */
  @Benchmark
  public boolean breakerPermit() {
    boolean permitted = breaker.tryAcquirePermission();
    if (permitted) {
      breaker.onSuccess();
    }
    return permitted;
  }
}
