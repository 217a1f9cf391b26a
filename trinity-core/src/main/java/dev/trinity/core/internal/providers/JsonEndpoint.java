package dev.trinity.core.internal.providers;

import dev.trinity.api.LlmChunk;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.MalformedResponseException;
import dev.trinity.api.ProviderContext;
import dev.trinity.api.ProviderException;
import dev.trinity.api.Secret;
import dev.trinity.api.TrinityException;
import dev.trinity.api.internal.FailedPublisher;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * One URL that takes a JSON POST and answers JSON: builds the HTTP request, sends it through the
 * shared transport, and decodes the answer into an {@link LlmResponse} with the provider's name and
 * the latency measured with the context's clock. Immutable and thread-safe.
 */
public final class JsonEndpoint {
  private static final String JSON_MEDIA_TYPE = "application/json";

  /** Reads a provider's answer out of a parsed body. */
  @FunctionalInterface
  public interface Decoder {
    /**
     * Decodes a 2xx body.
     *
     * @param body the parsed body
     * @return a builder with at least the text and model set
     * @throws ProviderException (usually {@link MalformedResponseException}) when the body cannot
     *     be read
     */
    LlmResponse.Builder decode(JsonBody body);
  }

  private final ProviderContext context;
  private final String provider;
  private final URI uri;
  private final @Nullable Secret bearer;
  private volatile @Nullable Template postTemplate;
  private volatile @Nullable Template streamTemplate;

  /**
   * Creates an endpoint.
   *
   * @param context the shared transport and clock
   * @param provider the provider's name, for errors and responses
   * @param uri where to POST
   * @param bearer a key to send as {@code Authorization: Bearer}, or null to send none
   */
  public JsonEndpoint(ProviderContext context, String provider, URI uri, @Nullable Secret bearer) {
    this.context = context;
    this.provider = provider;
    this.uri = uri;
    this.bearer = bearer;
  }

  /**
   * The URL requests go to.
   *
   * @return the URL
   */
  public URI uri() {
    return uri;
  }

  /**
   * Sends one request. Never blocks; never throws.
   *
   * <p>Cancelling the returned future cancels the exchange. The future fails with a {@link
   * ProviderException} subtype: the transport's for HTTP and I/O failures, {@link
   * MalformedResponseException} for a 2xx body that cannot be read.
   *
   * @param body the JSON body, UTF-8
   * @param model the model asked for, for errors
   * @param timeout the exchange's timeout, if any
   * @param decoder reads the answer
   * @return the answer
   */
  public CompletableFuture<LlmResponse> post(
      byte[] body, String model, Optional<Duration> timeout, Decoder decoder) {
    CompletableFuture<HttpResponse<byte[]>> exchange;
    Instant start;
    try {
      HttpRequest request = request(body, timeout);
      start = context.clock().instant();
      exchange = context.transport().send(request, provider, model);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
    return Futures.map(exchange, response -> decode(response, start, decoder));
  }

  /**
   * Sends one request whose answer streams, and decodes the body's lines as they arrive. Never
   * blocks; never throws: failures reach the subscriber, as {@link ProviderException} subtypes.
   *
   * @param body the JSON body, UTF-8, asking the server to stream
   * @param model the model asked for, for errors
   * @param timeout the timeout for the response headers, if any
   * @param accept the media type of the streamed body
   * @param decoders a new decoder for each subscription
   * @return a cold publisher of the answer's chunks
   */
  public Flow.Publisher<LlmChunk> stream(
      byte[] body,
      String model,
      Optional<Duration> timeout,
      String accept,
      Supplier<StreamDecoder> decoders) {
    HttpRequest request;
    try {
      request = request(body, timeout, accept);
    } catch (RuntimeException e) {
      return new FailedPublisher<>(e);
    }
    return new ChunkStream(context.transport().lines(request, provider, model), decoders, provider);
  }

  /**
   * The secret sent with each request, to mask in excerpts of what the server sent back.
   *
   * @return the secret, or null when none is sent
   */
  public @Nullable String secret() {
    return bearer == null ? null : bearer.reveal();
  }

  private HttpRequest request(byte[] body, Optional<Duration> timeout) {
    return request(body, timeout, JSON_MEDIA_TYPE);
  }

  private HttpRequest request(byte[] body, Optional<Duration> timeout, String accept) {
    HttpRequest.Builder b =
        template(accept).copy().POST(HttpRequest.BodyPublishers.ofByteArray(body));
    timeout.ifPresent(b::timeout);
    return b.build();
  }

  /**
   * The URL and headers every request to this endpoint with the given {@code Accept} carries,
   * checked once: each request copies them, which skips checking the URL and every header again on
   * the caller's thread.
   */
  private HttpRequest.Builder template(String accept) {
    boolean json = JSON_MEDIA_TYPE.equals(accept);
    Template t = json ? postTemplate : streamTemplate;
    if (t == null || !t.accept.equals(accept)) {
      HttpRequest.Builder b =
          HttpRequest.newBuilder(uri)
              .header("Content-Type", JSON_MEDIA_TYPE)
              .header("Accept", accept);
      if (bearer != null) {
        b.header("Authorization", "Bearer " + bearer.reveal());
      }
      t = new Template(accept, b);
      if (json) {
        postTemplate = t;
      } else {
        streamTemplate = t; // a provider streams with one media type
      }
    }
    return t.builder;
  }

  /** A request builder never changed after it is made; only copied. */
  private record Template(String accept, HttpRequest.Builder builder) {}

  private LlmResponse decode(HttpResponse<byte[]> response, Instant start, Decoder decoder) {
    Duration latency = Duration.between(start, context.clock().instant());
    String secret = bearer == null ? null : bearer.reveal();
    JsonBody body = JsonBody.parse(provider, response.statusCode(), response.body(), secret);
    try {
      return decoder
          .decode(body)
          .provider(provider)
          .latency(latency.isNegative() ? Duration.ZERO : latency)
          .build();
    } catch (TrinityException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new MalformedResponseException(
          provider,
          response.statusCode(),
          provider
              + " answered with a body that could not be read: "
              + e.getClass().getSimpleName(),
          "",
          e);
    }
  }
}
