package dev.trinity.core.content.internal;

import dev.trinity.api.AsyncLlmClient;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ResponseValidator;
import dev.trinity.api.content.Theme;
import dev.trinity.core.content.internal.offline.OfflineExtractor;
import dev.trinity.core.internal.pipeline.LlmPipeline;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;

/**
 * Where a generation's answers come from. A model reads the request the engine wrote from its
 * prompt templates. The offline extractor is handed the portfolio and the theme's project limit
 * directly, and reads nothing back out of the prompt; its answer still goes through the request
 * pipeline's stages (cache, single flight, deadline, events) under the request's key, so caching
 * and provenance work as for a model. Implementations are stateless and thread-safe.
 */
@FunctionalInterface
public interface AnswerSource {

  /**
   * Asks for one answer.
   *
   * @param request the request written from the prompt templates; its key identifies the answer
   * @param validator accepts the answer before it is cached
   * @param portfolio the portfolio as sent, already cut to the model's budget
   * @param theme the theme the content is for
   * @return the answer; failures complete it exceptionally
   */
  CompletableFuture<LlmResponse> answer(
      LlmRequest request, ResponseValidator validator, Portfolio portfolio, Theme theme);

  /**
   * The answers of the client's provider, which reads the request.
   *
   * @param client the request pipeline
   * @return the source
   */
  static AnswerSource model(AsyncLlmClient client) {
    return (request, validator, portfolio, theme) -> client.generate(request, validator);
  }

  /**
   * The offline extractor fed the portfolio and the theme's project limit, at the end of the
   * pipeline's stages.
   *
   * @param pipeline the request pipeline of an instance whose provider is the offline one
   * @param clock measures the extraction
   * @return the source
   */
  static AnswerSource offline(LlmPipeline pipeline, Clock clock) {
    return (request, validator, portfolio, theme) ->
        pipeline.generate(
            request,
            validator,
            OfflineExtractor.answering(portfolio.text().strip(), theme.rules().maxRepos(), clock));
  }

  /**
   * The source for a client and the provider it ends in: {@link #offline} when that is the offline
   * provider, else {@link #model}.
   *
   * @param client the request pipeline
   * @param provider the provider it ends in
   * @param clock measures offline extractions
   * @return the source
   * @throws IllegalStateException when the provider is the offline one but the client is not a
   *     request pipeline the extractor can be put at the end of
   */
  static AnswerSource of(AsyncLlmClient client, LlmProvider provider, Clock clock) {
    if (!OfflineExtractor.isOffline(provider)) {
      return model(client);
    }
    if (client instanceof LlmPipeline pipeline) {
      return offline(pipeline, clock);
    }
    throw new IllegalStateException(
        "the offline provider needs the request pipeline, not a " + client.getClass().getName());
  }
}
