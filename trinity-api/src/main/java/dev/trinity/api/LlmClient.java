package dev.trinity.api;

import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/** The blocking view of {@link AsyncLlmClient}: the same pipeline, waited on. Thread-safe. */
public interface LlmClient {

  /**
   * Sends a request and waits for the answer.
   *
   * @param request the request
   * @return the answer
   * @throws TrinityException (unwrapped) when the request fails; see its subtypes
   * @throws java.util.concurrent.CancellationException when the waiting thread is interrupted (the
   *     request is cancelled and the interrupt flag is restored)
   */
  default LlmResponse generate(LlmRequest request) {
    return generate(request, ResponseValidator.ACCEPT_ALL);
  }

  /**
   * Sends a request, waits, and accepts the answer only if the validator does; see {@link
   * AsyncLlmClient#generate(LlmRequest, ResponseValidator)}.
   *
   * @param request the request
   * @param validator checks the answer before it is returned and cached
   * @return the accepted answer
   * @throws TrinityException (unwrapped) when the request fails or the answer is rejected
   */
  LlmResponse generate(LlmRequest request, ResponseValidator validator);

  /**
   * Shortcut for {@code generate(LlmRequest.of(prompt))}.
   *
   * @param prompt the user message
   * @return the answer
   * @throws TrinityException when the request fails
   */
  default LlmResponse generate(String prompt) {
    return generate(LlmRequest.of(prompt));
  }

  /**
   * Streams the answer to a callback and waits for the end: the blocking form of {@link
   * AsyncLlmClient#stream(LlmRequest, ResponseValidator)}, with the same semantics.
   *
   * <p>{@code onText} receives each text delta in order, one at a time, on the thread that read it
   * (not the caller's), with the call's correlation id in the MDC. The next delta is read only
   * after it returns, so a slow callback slows the reading. An exception it throws cancels the
   * stream and is rethrown here.
   *
   * @param request the request
   * @param validator checks the whole answer before it is returned and cached
   * @param onText receives the text deltas
   * @return the whole answer, as {@link #generate} would have returned it
   * @throws TrinityException (unwrapped) when the request fails or the answer is rejected
   * @throws CancellationException when the waiting thread is interrupted (the stream is cancelled
   *     and the interrupt flag is restored)
   */
  default LlmResponse stream(
      LlmRequest request, ResponseValidator validator, Consumer<? super String> onText) {
    Objects.requireNonNull(onText, "onText");
    Flow.Publisher<LlmChunk> chunks = async().stream(request, validator);
    CompletableFuture<LlmResponse> done = new CompletableFuture<>();
    CompletableFuture<Flow.Subscription> subscribed = new CompletableFuture<>();
    chunks.subscribe(
        new Flow.Subscriber<LlmChunk>() {
          private Flow.Subscription subscription;

          @Override
          public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            subscribed.complete(s);
            s.request(1);
          }

          @Override
          public void onNext(LlmChunk chunk) {
            if (chunk.isLast()) {
              chunk
                  .response()
                  .ifPresentOrElse(
                      done::complete,
                      () -> done.completeExceptionally(new TrinityException("no answer")));
              return;
            }
            try {
              if (!chunk.text().isEmpty()) {
                onText.accept(chunk.text());
              }
            } catch (RuntimeException | Error e) {
              subscription.cancel();
              done.completeExceptionally(e);
              return;
            }
            subscription.request(1);
          }

          @Override
          public void onError(Throwable t) {
            done.completeExceptionally(t);
          }

          @Override
          public void onComplete() {
            done.completeExceptionally(new TrinityException("the stream ended without an answer"));
          }
        });
    try {
      return done.get();
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new TrinityException("streaming failed", cause, false);
    } catch (InterruptedException e) {
      subscribed.thenAccept(Flow.Subscription::cancel);
      Thread.currentThread().interrupt();
      CancellationException ce = new CancellationException("interrupted while streaming");
      ce.initCause(e);
      throw ce;
    }
  }

  /**
   * Shortcut for {@code stream(request, ResponseValidator.ACCEPT_ALL, onText)}.
   *
   * @param request the request
   * @param onText receives the text deltas
   * @return the whole answer
   * @throws TrinityException (unwrapped) when the request fails
   */
  default LlmResponse stream(LlmRequest request, Consumer<? super String> onText) {
    return stream(request, ResponseValidator.ACCEPT_ALL, onText);
  }

  /**
   * The non-blocking view of this client.
   *
   * @return a client sharing this one's pipeline
   */
  AsyncLlmClient async();
}
