package dev.trinity.core.observe;

import dev.trinity.api.LlmRequest;
import java.time.Instant;
import java.util.Objects;

/**
 * One call as its listeners see it: the request with the pipeline's defaults applied, its
 * correlation id, the provider and model it goes to, and when it started. Every event of the call
 * carries the same instance, so a listener may key per-call state on it (identity equality; two
 * calls sharing a caller-supplied correlation id are still two instances).
 *
 * <p>Immutable and thread-safe.
 */
public final class CallInfo {
  private final LlmRequest request;
  private final String correlationId;
  private final String provider;
  private final String model;
  private final Instant startedAt;

  /**
   * Describes a call.
   *
   * @param request the request as the provider gets it (defaults applied)
   * @param correlationId the call's correlation id
   * @param provider the provider's name
   * @param model the model asked for
   * @param startedAt when the pipeline accepted the call
   */
  public CallInfo(
      LlmRequest request, String correlationId, String provider, String model, Instant startedAt) {
    this.request = Objects.requireNonNull(request, "request");
    this.correlationId = Objects.requireNonNull(correlationId, "correlationId");
    this.provider = Objects.requireNonNull(provider, "provider");
    this.model = Objects.requireNonNull(model, "model");
    this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
  }

  /** The request as the provider gets it: model, temperature and correlation id filled in. */
  public LlmRequest request() {
    return request;
  }

  /** The correlation id every log line and event of the call carries. */
  public String correlationId() {
    return correlationId;
  }

  /** The provider's name ({@code ollama}, {@code openai}, …). */
  public String provider() {
    return provider;
  }

  /** The model asked for. */
  public String model() {
    return model;
  }

  /** When the pipeline accepted the call, on the instance's clock. */
  public Instant startedAt() {
    return startedAt;
  }

  @Override
  public String toString() {
    return "CallInfo[" + correlationId + ", " + provider + "/" + model + "]";
  }
}
