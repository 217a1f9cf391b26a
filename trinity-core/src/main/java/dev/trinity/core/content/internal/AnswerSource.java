package dev.trinity.core.content.internal;

import dev.trinity.api.AsyncLlmClient;
import dev.trinity.api.Capability;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ResponseValidator;
import dev.trinity.api.content.StreamProgress;
import dev.trinity.api.content.Theme;
import dev.trinity.core.content.internal.offline.OfflineExtractor;
import dev.trinity.core.internal.pipeline.LlmPipeline;
import java.time.Clock;
import java.util.concurrent.CompletableFuture;
import org.jspecify.annotations.Nullable;

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
   * The answers of the client's provider, streamed, with the text received so far reported to
   * {@code progress}. The provider must declare {@link dev.trinity.api.Capability#STREAMING}.
   *
   * @param client the request pipeline
   * @param progress hears the chunks and characters received so far
   * @return the source
   */
  static AnswerSource streaming(AsyncLlmClient client, StreamProgress progress) {
    return (request, validator, portfolio, theme) -> {
      CompletableFuture<LlmResponse> answer = new CompletableFuture<>();
      client.stream(request, validator).subscribe(new ProgressSubscriber(answer, progress));
      return answer;
    };
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
    return of(client, provider, clock, null);
  }

  /**
   * As {@link #of(AsyncLlmClient, LlmProvider, Clock)}; with a progress listener and a provider
   * that streams, the model's answers are streamed ({@link #streaming}).
   *
   * @param client the request pipeline
   * @param provider the provider it ends in
   * @param clock measures offline extractions
   * @param progress hears streamed progress, or null
   * @return the source
   */
  static AnswerSource of(
      AsyncLlmClient client, LlmProvider provider, Clock clock, @Nullable StreamProgress progress) {
    if (!OfflineExtractor.isOffline(provider)) {
      return progress != null && provider.capabilities().contains(Capability.STREAMING)
          ? streaming(client, progress)
          : model(client);
    }
    if (client instanceof LlmPipeline pipeline) {
      return offline(pipeline, clock);
    }
    throw new IllegalStateException(
        "the offline provider needs the request pipeline, not a " + client.getClass().getName());
  }
}
