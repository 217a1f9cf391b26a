package dev.trinity.test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.api.Capability;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ProviderException;
import dev.trinity.api.internal.Throwables;
import dev.trinity.test.internal.Recording;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * An {@link LlmProvider} that answers from a {@link Cassette}: it replays recorded answers, and in
 * the recording modes sends what is missing to the provider it wraps and writes the answer.
 *
 * <ul>
 *   <li>{@link CassetteMode#RECORD}: every call goes to the wrapped provider; its answer, or the
 *       error the server answered with (an HTTP status), is written under the request key. Failures
 *       without an answer (connection refused, timeouts) are passed on and not written.
 *   <li>{@link CassetteMode#REPLAY}: the wrapped provider is never called; a request key with no
 *       recording fails with a {@link CassetteMissException}.
 *   <li>{@link CassetteMode#RECORD_NEW}: recorded keys are replayed, the others recorded.
 * </ul>
 *
 * <p>The key is {@link CassetteKeys#of(String, LlmRequest)} of the request as received, with the
 * wrapped provider's default model put in when the request names none (as Trinity's pipeline does).
 * A replayed answer has the recorded text, model, provider, finish reason and usage, zero latency;
 * a replayed error is a {@link ProviderException} of the recorded kind, status and retry-after.
 * Name, endpoint, default model and capabilities are the wrapped provider's, except {@link
 * Capability#STREAMING}: streams are neither recorded nor replayed, so a cassette does not stream.
 *
 * <p>Thread-safe: calls are matched by key, never by order, so tests may share a cassette and run
 * concurrently. Make one with {@link Cassette#wrap(LlmProvider)} or {@link
 * Cassette#wrap(dev.trinity.api.LlmProviderFactory)}.
 */
public final class CassetteProvider implements LlmProvider {
  private final LlmProvider delegate;
  private final Cassette cassette;

  CassetteProvider(LlmProvider delegate, Cassette cassette) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
    this.cassette = Objects.requireNonNull(cassette, "cassette");
  }

  /**
   * The cassette this provider answers from.
   *
   * @return the cassette
   */
  public Cassette cassette() {
    return cassette;
  }

  /**
   * The provider real calls go to.
   *
   * @return the wrapped provider
   */
  public LlmProvider delegate() {
    return delegate;
  }

  /**
   * The key a request is filed under in this provider's cassette.
   *
   * @param request a request
   * @return the key
   */
  public String keyOf(LlmRequest request) {
    return CassetteKeys.of(name(), complete(request));
  }

  @Override
  public String name() {
    return delegate.name();
  }

  @Override
  public String endpoint() {
    return delegate.endpoint();
  }

  @Override
  public String defaultModel() {
    return delegate.defaultModel();
  }

  @Override
  public Set<Capability> capabilities() {
    EnumSet<Capability> declared = EnumSet.noneOf(Capability.class);
    declared.addAll(delegate.capabilities());
    declared.remove(Capability.STREAMING); // a cassette records whole answers only
    return Collections.unmodifiableSet(declared);
  }

  /**
   * Answers from the cassette, or from the wrapped provider in the recording modes.
   *
   * @param request the complete request
   * @return the answer; fails with a {@link CassetteMissException} on a replay miss, with the
   *     recorded {@link ProviderException} for a recorded error, and with an {@link
   *     java.io.UncheckedIOException} when an answer cannot be written
   */
  @Override
  public CompletableFuture<LlmResponse> generate(LlmRequest request) {
    LlmRequest complete = complete(request);
    String key = CassetteKeys.of(name(), complete);
    if (cassette.mode() != CassetteMode.RECORD) {
      Recording recorded = cassette.find(key);
      if (recorded != null) {
        return cassette.replay(recorded);
      }
    }
    ObjectNode summary = cassette.summarize(name(), complete);
    if (!cassette.mode().records()) {
      return CompletableFuture.failedFuture(cassette.miss(key, summary));
    }
    CompletableFuture<LlmResponse> exchange = delegate.generate(complete);
    CompletableFuture<LlmResponse> result =
        exchange.whenComplete(
            (response, failure) -> {
              if (failure == null) {
                cassette.store(key, summary, response);
              } else if (Throwables.unwrap(failure) instanceof ProviderException pe
                  && pe.statusCode() != ProviderException.NO_STATUS) {
                cassette.store(key, summary, pe);
              }
            });
    result.whenComplete(
        (response, failure) -> {
          if (result.isCancelled()) {
            exchange.cancel(true);
          }
        });
    return result;
  }

  /** Closes the wrapped provider. */
  @Override
  public void close() {
    delegate.close();
  }

  private LlmRequest complete(LlmRequest request) {
    return request.model().isPresent()
        ? request
        : request.toBuilder().model(delegate.defaultModel()).build();
  }
}
