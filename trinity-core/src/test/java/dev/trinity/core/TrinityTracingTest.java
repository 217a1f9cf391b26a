package dev.trinity.core;

import static dev.trinity.core.PipelineHarness.failureOf;
import static dev.trinity.core.PipelineHarness.ok;
import static dev.trinity.core.PipelineHarness.resultOf;
import static dev.trinity.core.PipelineHarness.status;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.core.PipelineHarness.Door;
import dev.trinity.core.tracing.TrinityTracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class TrinityTracingTest {
  private final InMemorySpanExporter exporter = InMemorySpanExporter.create();
  private final SdkTracerProvider provider =
      SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(exporter)).build();
  private final Tracer tracer = provider.get("test");
  private final TrinityTracing tracing = new TrinityTracing(tracer);
  private PipelineHarness h;

  @AfterEach
  void stop() {
    if (h != null) {
      h.close();
    }
    provider.close();
  }

  @Test
  void aCallIsOneClientSpanWithTheGenAiAttributesTheCorrelationIdAndItsRetries() {
    h = new PipelineHarness(b -> b.addListener(tracing));
    h.server.enqueue(status(503));
    h.server.enqueue(ok("fine"));
    Span parent = tracer.spanBuilder("host work").startSpan();
    CompletableFuture<LlmResponse> f;
    try (Scope scope = parent.makeCurrent()) {
      f =
          h.send(
              Door.ASYNC,
              LlmRequest.builder().prompt("hi").correlationId("trace-1").temperature(0.2).build());
    }
    h.awaitRequests(1);
    h.awaitRetryScheduled();
    h.time.advance(Duration.ofSeconds(1));
    resultOf(f);
    parent.end();

    SpanData span = exporter.getFinishedSpanItems().get(0);
    assertThat(span.getName()).isEqualTo("chat test-model");
    assertThat(span.getKind()).isEqualTo(SpanKind.CLIENT);
    assertThat(span.getParentSpanId()).isEqualTo(parent.getSpanContext().getSpanId());
    assertThat(span.getAttributes().get(AttributeKey.stringKey("gen_ai.system")))
        .isEqualTo(JsonTestProvider.NAME);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("gen_ai.operation.name")))
        .isEqualTo("chat");
    assertThat(span.getAttributes().get(AttributeKey.stringKey("gen_ai.request.model")))
        .isEqualTo("test-model");
    assertThat(span.getAttributes().get(AttributeKey.doubleKey("gen_ai.request.temperature")))
        .isEqualTo(0.2);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("trinity.correlation_id")))
        .isEqualTo("trace-1");
    assertThat(span.getAttributes().get(AttributeKey.longKey("gen_ai.usage.input_tokens")))
        .isEqualTo(3L);
    assertThat(span.getAttributes().get(AttributeKey.longKey("gen_ai.usage.output_tokens")))
        .isEqualTo(5L);
    assertThat(span.getAttributes().get(AttributeKey.longKey("trinity.attempts"))).isEqualTo(2L);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("trinity.served")))
        .isEqualTo("provider");
    assertThat(span.getEndEpochNanos() - span.getStartEpochNanos())
        .isEqualTo(TimeUnit.SECONDS.toNanos(1));
    assertThat(span.getEvents()).extracting(EventData::getName).containsExactly("retry_scheduled");
    assertThat(
            span.getEvents().get(0).getAttributes().get(AttributeKey.stringKey("trinity.reason")))
        .isEqualTo("unavailable");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(tracing.openSpans()).isZero();
  }

  @Test
  void aFailureEndsTheSpanWithErrorStatusTypeAndException() {
    h = new PipelineHarness(b -> b.addListener(tracing));
    h.server.enqueue(status(400));

    Throwable thrown = failureOf(h.send(Door.SYNC));

    SpanData span = exporter.getFinishedSpanItems().get(0);
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
    assertThat(span.getAttributes().get(AttributeKey.stringKey("error.type"))).isEqualTo("client");
    assertThat(span.getEvents()).extracting(EventData::getName).containsExactly("exception");
    assertThat(
            span.getEvents()
                .get(0)
                .getAttributes()
                .get(AttributeKey.stringKey("exception.message")))
        .isEqualTo(thrown.getMessage());
    assertThat(tracing.openSpans()).isZero();
  }

  @Test
  void aCacheHitIsASpanEventAndTheTierAnAttribute() {
    h = new PipelineHarness(b -> b.addListener(tracing));
    h.server.enqueue(ok("stored"));
    resultOf(h.send(Door.ASYNC, LlmRequest.of("same")));
    resultOf(h.send(Door.ASYNC, LlmRequest.of("same")));

    List<SpanData> spans = exporter.getFinishedSpanItems();
    assertThat(spans).hasSize(2);
    SpanData hit = spans.get(1);
    assertThat(hit.getEvents()).extracting(EventData::getName).containsExactly("cache_hit");
    assertThat(hit.getAttributes().get(AttributeKey.stringKey("trinity.cache.tier")))
        .isEqualTo("memory");
    assertThat(hit.getAttributes().get(AttributeKey.stringKey("trinity.served")))
        .isEqualTo("cache");
  }
}
