package dev.trinity.core.testing;

import dev.trinity.api.Capability;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A provider without a server: it records every request it receives, as the pipeline completed it,
 * and answers each at once with {@code answer N}. Thread-safe.
 */
public final class RecordingProvider implements LlmProvider {
  private final String name;
  private final String defaultModel;
  private final List<LlmRequest> received = new CopyOnWriteArrayList<>();

  /**
   * Creates the provider.
   *
   * @param name its name, also the breaker's and the limiter's prefix
   * @param defaultModel the model it reports as its default
   */
  public RecordingProvider(String name, String defaultModel) {
    this.name = name;
    this.defaultModel = defaultModel;
  }

  /** The requests received so far, in order. */
  public List<LlmRequest> received() {
    return List.copyOf(received);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String endpoint() {
    return "http://model.test:11434";
  }

  @Override
  public String defaultModel() {
    return defaultModel;
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of();
  }

  @Override
  public CompletableFuture<LlmResponse> generate(LlmRequest request) {
    received.add(request);
    return CompletableFuture.completedFuture(
        LlmResponse.builder()
            .text("answer " + received.size())
            .model(request.model().orElse(defaultModel))
            .provider(name)
            .latency(Duration.ZERO)
            .build());
  }
}
