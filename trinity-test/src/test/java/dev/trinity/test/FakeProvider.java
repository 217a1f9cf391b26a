package dev.trinity.test;

import dev.trinity.api.Capability;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.Usage;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/** A provider that answers from a function and counts its calls. */
final class FakeProvider implements LlmProvider {
  final AtomicInteger calls = new AtomicInteger();
  final AtomicInteger closed = new AtomicInteger();
  private final Function<LlmRequest, CompletableFuture<LlmResponse>> answer;

  FakeProvider(Function<LlmRequest, CompletableFuture<LlmResponse>> answer) {
    this.answer = answer;
  }

  /** Answers "echo: <last message>" with usage 7/3 and finish reason stop. */
  static FakeProvider echo() {
    return new FakeProvider(
        r ->
            CompletableFuture.completedFuture(
                LlmResponse.builder()
                    .text("echo: " + r.messages().get(r.messages().size() - 1).content())
                    .model(r.model().orElseThrow())
                    .provider("fake")
                    .usage(new Usage(7, 3))
                    .finishReason("stop")
                    .build()));
  }

  /** Fails the test if it is ever called. */
  static FakeProvider unreachable() {
    return new FakeProvider(
        r -> {
          throw new AssertionError("the real provider was called in replay");
        });
  }

  @Override
  public String name() {
    return "fake";
  }

  @Override
  public String endpoint() {
    return "http://fake.invalid:1";
  }

  @Override
  public String defaultModel() {
    return "fake-model";
  }

  @Override
  public Set<Capability> capabilities() {
    return Set.of(Capability.JSON_MODE);
  }

  @Override
  public CompletableFuture<LlmResponse> generate(LlmRequest request) {
    calls.incrementAndGet();
    return answer.apply(request);
  }

  @Override
  public void close() {
    closed.incrementAndGet();
  }
}
