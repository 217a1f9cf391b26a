package dev.trinity.examples.bench;

import dev.trinity.api.CachePolicy;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.core.Trinity;
import java.util.concurrent.CompletableFuture;

/**
 * One {@code generate} call through Trinity's LLM client, cache bypassed, each call with its own
 * prompt so that single flight never merges two of them.
 */
final class LlmWorkload implements Workload {
  private final Trinity trinity;

  LlmWorkload(Trinity trinity) {
    this.trinity = trinity;
  }

  private static LlmRequest request(int i) {
    return LlmRequest.builder()
        .prompt("Write a tagline for developer #" + i)
        .cachePolicy(CachePolicy.BYPASS)
        .build();
  }

  @Override
  public Object callSync(int i) {
    return trinity.llm().generate(request(i));
  }

  @Override
  public CompletableFuture<?> callAsync(int i) {
    return trinity.llmAsync().generate(request(i));
  }

  @Override
  public int attempts(Object result) {
    return result instanceof LlmResponse r ? r.attempts() : 1;
  }
}
