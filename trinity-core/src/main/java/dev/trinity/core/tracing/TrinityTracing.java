package dev.trinity.core.tracing;

import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.core.observe.CacheHit;
import dev.trinity.core.observe.CallInfo;
import dev.trinity.core.observe.RequestCancelled;
import dev.trinity.core.observe.RequestCompleted;
import dev.trinity.core.observe.RequestFailed;
import dev.trinity.core.observe.RequestListener;
import dev.trinity.core.observe.RetryScheduled;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * One OpenTelemetry client span per call, with the GenAI semantic-convention attributes and the
 * call's correlation id: a {@link RequestListener}.
 *
 * <pre>{@code
 * Trinity trinity = Trinity.builder().addListener(new TrinityTracing(openTelemetry)).build();
 * }</pre>
 *
 * <p>The span is named {@code chat <model>}, kind {@code CLIENT}, and is a child of the span
 * current on the caller's thread when the call is made. It starts and ends on the instance's clock.
 * Attributes: {@code gen_ai.operation.name}, {@code gen_ai.system}, {@code gen_ai.request.model},
 * {@code gen_ai.request.temperature}, {@code gen_ai.request.max_tokens}, {@code
 * trinity.correlation_id}; at the end {@code gen_ai.response.model}, {@code
 * gen_ai.response.finish_reasons}, {@code gen_ai.usage.input_tokens}, {@code
 * gen_ai.usage.output_tokens}, {@code trinity.attempts}, {@code trinity.served}, {@code
 * trinity.cache.tier}; on failure status {@code ERROR}, {@code error.type} and the exception.
 * Retries and cache hits are span events ({@code retry_scheduled}, {@code cache_hit}).
 *
 * <p>Thread-safe.
 */
public final class TrinityTracing implements RequestListener {
  /** The instrumentation scope name the tracer is obtained with. */
  public static final String INSTRUMENTATION_NAME = "dev.trinity";

  static final AttributeKey<String> OPERATION = AttributeKey.stringKey("gen_ai.operation.name");
  static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("gen_ai.system");
  static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
  static final AttributeKey<Double> TEMPERATURE =
      AttributeKey.doubleKey("gen_ai.request.temperature");
  static final AttributeKey<Long> MAX_TOKENS = AttributeKey.longKey("gen_ai.request.max_tokens");
  static final AttributeKey<String> RESPONSE_MODEL =
      AttributeKey.stringKey("gen_ai.response.model");
  static final AttributeKey<List<String>> FINISH_REASONS =
      AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
  static final AttributeKey<Long> INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
  static final AttributeKey<Long> OUTPUT_TOKENS =
      AttributeKey.longKey("gen_ai.usage.output_tokens");
  static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  static final AttributeKey<String> CORRELATION_ID =
      AttributeKey.stringKey("trinity.correlation_id");
  static final AttributeKey<Long> ATTEMPTS = AttributeKey.longKey("trinity.attempts");
  static final AttributeKey<String> SERVED = AttributeKey.stringKey("trinity.served");
  static final AttributeKey<String> CACHE_TIER = AttributeKey.stringKey("trinity.cache.tier");
  static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("trinity.attempt");
  static final AttributeKey<Long> DELAY_MS = AttributeKey.longKey("trinity.delay_ms");
  static final AttributeKey<String> REASON = AttributeKey.stringKey("trinity.reason");

  private final Tracer tracer;
  private final ConcurrentMap<CallInfo, Span> open = new ConcurrentHashMap<>();

  /**
   * Traces with {@code openTelemetry}'s tracer for {@value #INSTRUMENTATION_NAME}.
   *
   * @param openTelemetry the host's OpenTelemetry
   */
  public TrinityTracing(OpenTelemetry openTelemetry) {
    this(Objects.requireNonNull(openTelemetry, "openTelemetry").getTracer(INSTRUMENTATION_NAME));
  }

  /**
   * Traces with this tracer.
   *
   * @param tracer the tracer
   */
  public TrinityTracing(Tracer tracer) {
    this.tracer = Objects.requireNonNull(tracer, "tracer");
  }

  /** Number of spans started and not yet ended (calls in progress). */
  public int openSpans() {
    return open.size();
  }

  @Override
  public void onStarted(CallInfo call) {
    LlmRequest r = call.request();
    var b =
        tracer
            .spanBuilder("chat " + call.model())
            .setSpanKind(SpanKind.CLIENT)
            .setStartTimestamp(call.startedAt())
            .setAttribute(OPERATION, "chat")
            .setAttribute(SYSTEM, call.provider())
            .setAttribute(REQUEST_MODEL, call.model())
            .setAttribute(CORRELATION_ID, call.correlationId());
    r.temperature().ifPresent(t -> b.setAttribute(TEMPERATURE, t));
    r.maxTokens().ifPresent(t -> b.setAttribute(MAX_TOKENS, (long) t));
    open.put(call, b.startSpan());
  }

  @Override
  public void onRetryScheduled(RetryScheduled event) {
    Span span = open.get(event.call());
    if (span != null) {
      span.addEvent(
          "retry_scheduled",
          Attributes.of(
              ATTEMPT,
              (long) event.attempt(),
              DELAY_MS,
              event.delay().toMillis(),
              REASON,
              event.reason()),
          event.call().startedAt().plus(event.elapsed()));
    }
  }

  @Override
  public void onCacheHit(CacheHit event) {
    Span span = open.get(event.call());
    if (span != null) {
      span.addEvent(
          "cache_hit",
          Attributes.of(CACHE_TIER, event.tier()),
          event.call().startedAt().plus(event.elapsed()));
    }
  }

  @Override
  public void onCompleted(RequestCompleted event) {
    Span span = open.remove(event.call());
    if (span == null) {
      return;
    }
    LlmResponse r = event.response();
    span.setAttribute(RESPONSE_MODEL, r.model());
    span.setAttribute(INPUT_TOKENS, (long) r.usage().promptTokens());
    span.setAttribute(OUTPUT_TOKENS, (long) r.usage().completionTokens());
    span.setAttribute(ATTEMPTS, (long) r.attempts());
    span.setAttribute(SERVED, event.served().name().toLowerCase(Locale.ROOT));
    r.finishReason().ifPresent(f -> span.setAttribute(FINISH_REASONS, List.of(f)));
    r.cacheTier().ifPresent(t -> span.setAttribute(CACHE_TIER, t));
    end(span, event.call(), event.elapsed());
  }

  @Override
  public void onFailed(RequestFailed event) {
    Span span = open.remove(event.call());
    if (span == null) {
      return;
    }
    span.setAttribute(ERROR_TYPE, event.errorType());
    span.setAttribute(ATTEMPTS, (long) event.attempts());
    span.recordException(event.error());
    span.setStatus(StatusCode.ERROR, String.valueOf(event.error().getMessage()));
    end(span, event.call(), event.elapsed());
  }

  @Override
  public void onCancelled(RequestCancelled event) {
    Span span = open.remove(event.call());
    if (span == null) {
      return;
    }
    span.setAttribute(ERROR_TYPE, "cancelled");
    end(span, event.call(), event.elapsed());
  }

  private static void end(Span span, CallInfo call, Duration elapsed) {
    span.end(call.startedAt().plus(elapsed));
  }
}
