package dev.trinity.core.content.internal;

import dev.trinity.api.LlmChunk;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.TrinityException;
import dev.trinity.api.content.StreamProgress;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a streamed answer into a future, telling a {@link StreamProgress} how much text has come
 * after each piece. Cancelling the future cancels the stream. Asks for everything at once: the
 * pieces are only counted, so there is nothing to pace.
 */
final class ProgressSubscriber implements Flow.Subscriber<LlmChunk> {
  private static final Logger log = LoggerFactory.getLogger(ProgressSubscriber.class);

  private final CompletableFuture<LlmResponse> answer;
  private final StreamProgress progress;
  private int chunks;
  private int characters;

  ProgressSubscriber(CompletableFuture<LlmResponse> answer, StreamProgress progress) {
    this.answer = answer;
    this.progress = progress;
  }

  @Override
  public void onSubscribe(Flow.Subscription subscription) {
    answer.whenComplete(
        (r, f) -> {
          if (answer.isCancelled()) {
            subscription.cancel();
          }
        });
    subscription.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(LlmChunk chunk) {
    if (chunk.isLast()) {
      chunk
          .response()
          .ifPresentOrElse(
              answer::complete,
              () -> answer.completeExceptionally(new TrinityException("the stream had no answer")));
      return;
    }
    if (chunk.text().isEmpty()) {
      return;
    }
    chunks++;
    characters += chunk.text().length();
    try {
      progress.generated(chunks, characters);
    } catch (RuntimeException e) {
      log.debug("a stream progress listener failed; ignored", e);
    }
  }

  @Override
  public void onError(Throwable failure) {
    answer.completeExceptionally(failure);
  }

  @Override
  public void onComplete() {
    if (!answer.isDone()) {
      answer.completeExceptionally(new TrinityException("the stream ended without an answer"));
    }
  }
}
