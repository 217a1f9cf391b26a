package dev.trinity.core.internal.providers;

import dev.trinity.api.Capability;
import dev.trinity.api.LlmChunk;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ProviderConfig;
import dev.trinity.api.UnsupportedCapabilityException;
import dev.trinity.api.internal.FailedPublisher;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import org.jspecify.annotations.Nullable;

/**
 * What every built-in HTTP provider shares: its name, configuration and capabilities, and one JSON
 * {@code POST} per call through a {@link JsonEndpoint}. A provider supplies the wire format: how a
 * request becomes a body and how a body becomes an answer.
 */
public abstract class JsonHttpProvider implements LlmProvider {
  private final String name;
  private final ProviderConfig config;
  private final Set<Capability> capabilities;
  private final JsonEndpoint endpoint;

  /**
   * Creates the provider.
   *
   * @param name the provider's name
   * @param config its configuration
   * @param capabilities what it supports
   * @param endpoint where it posts
   */
  protected JsonHttpProvider(
      String name, ProviderConfig config, Set<Capability> capabilities, JsonEndpoint endpoint) {
    this.name = name;
    this.config = config;
    this.capabilities = Set.copyOf(capabilities);
    this.endpoint = endpoint;
  }

  /**
   * Writes the request body, one JSON object start to end: exactly what the request says. The
   * request is complete (its model and configured temperature resolved by the pipeline), so no
   * defaults are applied here. The body is written on the caller's thread before each exchange, so
   * it is written straight into text, with no JSON tree in between (see {@link RequestJson}).
   *
   * @param request the complete request
   * @param model the model to ask for, the request's
   * @param stream whether to ask for a streamed answer
   * @param out the body to write to
   */
  protected abstract void encode(LlmRequest request, String model, boolean stream, RequestJson out);

  /**
   * Reads a 2xx body.
   *
   * @param body the body
   * @param model the model asked for
   * @return the answer so far (the endpoint adds latency)
   */
  protected abstract LlmResponse.Builder decode(JsonBody body, String model);

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String endpoint() {
    return config.baseUrl().toString();
  }

  @Override
  public final String defaultModel() {
    return config.model();
  }

  @Override
  public final Set<Capability> capabilities() {
    return capabilities;
  }

  @Override
  public final CompletableFuture<LlmResponse> generate(LlmRequest request) {
    try {
      String model = ProviderSupport.model(request);
      byte[] body = body(request, model, false);
      return endpoint.post(body, model, request.timeout(), answer -> decode(answer, model));
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  /**
   * A new decoder for one streamed answer. Called only when the provider declares {@link
   * Capability#STREAMING}; a provider declaring it must override this.
   *
   * @param model the model asked for
   * @param secret the secret sent with the request, to mask in errors; may be null
   * @return the decoder
   */
  protected StreamDecoder streamDecoder(String model, @Nullable String secret) {
    throw new IllegalStateException(name + " declares STREAMING but reads no stream");
  }

  /**
   * The media type of the streamed body, sent as {@code Accept}.
   *
   * @return the media type; server-sent events by default
   */
  protected String streamMediaType() {
    return "text/event-stream";
  }

  @Override
  public final Flow.Publisher<LlmChunk> stream(LlmRequest request) {
    if (!capabilities.contains(Capability.STREAMING)) {
      return new FailedPublisher<>(new UnsupportedCapabilityException(name, Capability.STREAMING));
    }
    try {
      String model = ProviderSupport.model(request);
      byte[] body = body(request, model, true);
      String secret = endpoint.secret();
      return endpoint.stream(
          body, model, request.timeout(), streamMediaType(), () -> streamDecoder(model, secret));
    } catch (RuntimeException e) {
      return new FailedPublisher<>(e);
    }
  }

  private byte[] body(LlmRequest request, String model, boolean stream) {
    int length = 256 + request.systemPrompt().map(String::length).orElse(0);
    for (dev.trinity.api.Message m : request.messages()) {
      length += m.content().length() + 32;
    }
    RequestJson out = new RequestJson(length);
    encode(request, model, stream, out);
    return out.toBytes();
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + endpoint.uri() + ", model=" + config.model() + "]";
  }
}
