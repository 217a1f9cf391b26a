package dev.trinity.examples.bench;

import dev.trinity.api.Capability;
import dev.trinity.api.ConnectionException;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.Usage;
import dev.trinity.test.VirtualTime;
import java.io.IOException;
import java.time.Duration;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * A model endpoint that resets a share of its connections at random and answers the rest after a
 * model-like latency. A reset fails almost at once (50 µs), an answer takes {@code minLatency} to
 * {@code maxLatency}: the asymmetry that bunches failures in arrival order. A failure rate of 1.0
 * is an endpoint that is down. Seeded, and driven by a {@link VirtualTime} on one thread ({@link
 * VirtualTime#runUntilIdle()}): the same seed gives the same run.
 */
final class FlakyModelProvider implements LlmProvider {
  static final String ENDPOINT = "http://model.test:11434";
  private static final Duration RESET_AFTER = Duration.ofNanos(50_000);

  private final VirtualTime time;
  private final Random random;
  private final double failureRate;
  private final Duration minLatency;
  private final Duration maxLatency;
  private int calls;

  FlakyModelProvider(
      VirtualTime time, long seed, double failureRate, Duration minLatency, Duration maxLatency) {
    this.time = time;
    this.random = new Random(seed);
    this.failureRate = failureRate;
    this.minLatency = minLatency;
    this.maxLatency = maxLatency;
  }

  /** Calls that reached the endpoint, failed or not. */
  int calls() {
    return calls;
  }

  @Override
  public String name() {
    return "flaky";
  }

  @Override
  public String endpoint() {
    return ENDPOINT;
  }

  @Override
  public String defaultModel() {
    return "test-model";
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of();
  }

  @Override
  public CompletableFuture<LlmResponse> generate(LlmRequest request) {
    calls++;
    CompletableFuture<LlmResponse> answer = new CompletableFuture<>();
    if (random.nextDouble() < failureRate) {
      time.schedule(
          () ->
              answer.completeExceptionally(
                  new ConnectionException(
                      name(),
                      name() + " could not be reached at " + ENDPOINT + ": connection reset",
                      new IOException("Connection reset"))),
          RESET_AFTER);
    } else {
      long spread = maxLatency.toNanos() - minLatency.toNanos();
      Duration latency = minLatency.plusNanos((long) (random.nextDouble() * spread));
      time.schedule(
          () ->
              answer.complete(
                  LlmResponse.builder()
                      .text("{\"ok\":true}")
                      .model(request.model().orElse(defaultModel()))
                      .provider(name())
                      .usage(new Usage(10, 5))
                      .build()),
          latency);
    }
    return answer;
  }
}
