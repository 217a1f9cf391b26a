package dev.trinity.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.trinity.api.Capability;
import dev.trinity.api.ConnectionException;
import dev.trinity.api.ContentValidationException;
import dev.trinity.api.LlmChunk;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.Message;
import dev.trinity.api.RequestTimeoutException;
import dev.trinity.api.ResponseValidator;
import dev.trinity.api.UnsupportedCapabilityException;
import dev.trinity.api.Usage;
import dev.trinity.core.resilience.CircuitBreaker;
import dev.trinity.core.resilience.CircuitBreakerConfig;
import dev.trinity.core.resilience.ConcurrencyLimitConfig;
import dev.trinity.core.resilience.RetryConfig;
import dev.trinity.core.testing.ChunkRecorder;
import dev.trinity.core.testing.GatedBody;
import dev.trinity.logging.LogEvents;
import dev.trinity.test.LogCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Streams through the one pipeline: each stage's semantics for a call that lasts until its last
 * chunk, on the Ollama wire (NDJSON) against a real chunked body, with virtual time.
 */
class StreamingPipelineTest {
  private PipelineHarness h;
  private final List<GatedBody> gates = new CopyOnWriteArrayList<>();

  @AfterEach
  void stop() {
    gates.forEach(GatedBody::open);
    if (h != null) {
      h.close();
    }
  }

  private PipelineHarness harness() {
    h = new PipelineHarness(PipelineHarness.Wire.OLLAMA);
    return h;
  }

  private PipelineHarness harness(java.util.function.UnaryOperator<TrinityConfig> configure) {
    h = PipelineHarness.withConfig(PipelineHarness.Wire.OLLAMA, configure);
    return h;
  }

  static String piece(String text) {
    return "{\"model\":\"test-model\",\"message\":{\"role\":\"assistant\",\"content\":"
        + PipelineHarness.JSON.getNodeFactory().textNode(text)
        + "},\"done\":false}";
  }

  static String end() {
    return "{\"model\":\"test-model\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
        + "\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":100,\"eval_count\":3}";
  }

  static List<String> pieces(String... texts) {
    List<String> lines = new ArrayList<>();
    for (String t : texts) {
      lines.add(piece(t));
    }
    return lines;
  }

  static MockResponse streamed(String... texts) {
    StringBuilder b = new StringBuilder();
    pieces(texts).forEach(l -> b.append(l).append('\n'));
    b.append(end()).append('\n');
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/x-ndjson")
        .chunkedBody(b.toString(), 16)
        .build();
  }

  static MockResponse gated(GatedBody body) {
    return body.response();
  }

  static LlmRequest request(String prompt) {
    return LlmRequest.builder().addMessage(Message.user(prompt)).build();
  }

  private ChunkRecorder stream(LlmRequest request) {
    return stream(request, ResponseValidator.ACCEPT_ALL);
  }

  private ChunkRecorder stream(LlmRequest request, ResponseValidator validator) {
    ChunkRecorder recorder = ChunkRecorder.unbounded();
    h.trinity.llmAsync().stream(request, validator).subscribe(recorder);
    return recorder;
  }

  @Test
  void streamsTheAnswerWithTheCorrelationIdInEveryCallback() throws Exception {
    harness().server.enqueue(streamed("Hel", "lo ", "there"));

    ChunkRecorder recorder = stream(request("Hi").toBuilder().correlationId("corr-42").build());
    List<LlmChunk> chunks = recorder.awaitCompletion();

    assertThat(chunks).extracting(LlmChunk::text).containsExactly("Hel", "lo ", "there", "");
    LlmResponse answer = chunks.get(3).response().orElseThrow();
    assertThat(answer.text()).isEqualTo("Hello there");
    assertThat(answer.usage()).isEqualTo(new Usage(100, 3));
    assertThat(answer.finishReason()).contains("stop");
    assertThat(answer.correlationId()).contains("corr-42");
    assertThat(answer.attempts()).isEqualTo(1);
    assertThat(answer.cached()).isFalse();
    assertThat(recorder.mdcIds()).hasSize(6).containsOnly("corr-42");
    assertThat(recorder.onSubscribeCalls()).isEqualTo(1);
    assertThat(h.takeBody().path("stream").asBoolean()).isTrue();
  }

  @Test
  void aSlowSubscriberGetsNoMoreChunksThanItAskedFor() throws Exception {
    harness().server.enqueue(streamed("a", "b", "c", "d"));
    ChunkRecorder recorder = ChunkRecorder.manual();
    h.trinity.llmAsync().stream(request("Hi")).subscribe(recorder);

    recorder.request(1);
    assertThat(recorder.awaitChunks(1)).extracting(LlmChunk::text).containsExactly("a");
    recorder.request(2);
    assertThat(recorder.awaitChunks(3)).extracting(LlmChunk::text).containsExactly("a", "b", "c");
    assertThat(recorder.chunks()).hasSize(3);
    assertThat(recorder.isDone()).isFalse();

    recorder.request(2);
    assertThat(recorder.awaitCompletion()).hasSize(5).last().matches(LlmChunk::isLast);
  }

  @Test
  void aCacheHitIsReplayedAsOneChunkAndTheLastChunk() throws Exception {
    harness().server.enqueue(streamed("Hel", "lo"));
    stream(request("Hi")).awaitCompletion();

    List<LlmChunk> replay = stream(request("Hi")).awaitCompletion();

    assertThat(replay).extracting(LlmChunk::text).containsExactly("Hello", "");
    LlmResponse answer = replay.get(1).response().orElseThrow();
    assertThat(answer.cached()).isTrue();
    assertThat(answer.usage()).isEqualTo(new Usage(100, 3));
    assertThat(h.server.getRequestCount()).isEqualTo(1);
    assertThat(h.trinity.cache().stats().puts()).isEqualTo(1);
  }

  @Test
  void aStreamTheValidatorRejectsFailsAfterItsTextAndIsNotStored() throws Exception {
    harness().server.enqueue(streamed("not ", "json"));
    ResponseValidator json =
        r -> {
          if (!r.text().startsWith("{")) {
            throw new ContentValidationException("not a JSON object", List.of(), r.text(), null);
          }
        };

    ChunkRecorder recorder = stream(request("Hi"), json);

    assertThat(recorder.awaitError()).isInstanceOf(ContentValidationException.class);
    assertThat(recorder.text()).isEqualTo("not json");
    assertThat(recorder.chunks()).noneMatch(LlmChunk::isLast);
    assertThat(h.trinity.cache().stats().puts()).isZero();
  }

  @Test
  void aStreamFailingMidwayStoresNothing() throws Exception {
    GatedBody body = GatedBody.cutAfter(pieces("Hel", "lo"));
    harness().server.enqueue(gatedTracked(body));
    h.server.enqueue(streamed("Hello"));

    ChunkRecorder first = stream(request("Hi"));
    first.awaitChunks(2);
    body.open();

    assertThat(first.awaitError()).isInstanceOf(ConnectionException.class);
    assertThat(first.text()).isEqualTo("Hello");
    assertThat(h.trinity.cache().stats().puts()).isZero();

    List<LlmChunk> second = stream(request("Hi")).awaitCompletion();
    assertThat(second.get(second.size() - 1).response().orElseThrow().cached()).isFalse();
    assertThat(h.server.getRequestCount()).isEqualTo(2);
  }

  private MockResponse gatedTracked(GatedBody body) {
    gates.add(body);
    return gated(body);
  }

  @Test
  void retriesAFailureBeforeTheFirstChunkReachesTheSubscriber() throws Exception {
    harness(
        c -> c.toBuilder().retry(RetryConfig.builder().jitter(0.0).maxAttempts(3).build()).build());
    h.server.enqueue(new MockResponse.Builder().code(503).body("{\"error\":\"busy\"}").build());
    h.server.enqueue(streamed("Hel", "lo"));

    ChunkRecorder recorder = stream(request("Hi"));
    h.time.advance(h.awaitRetryScheduled());
    List<LlmChunk> chunks = recorder.awaitCompletion();

    assertThat(chunks).extracting(LlmChunk::text).containsExactly("Hel", "lo", "");
    assertThat(chunks.get(2).response().orElseThrow().attempts()).isEqualTo(2);
  }

  @Test
  void neverRetriesOnceAChunkHasReachedTheSubscriber() throws Exception {
    harness(
        c -> c.toBuilder().retry(RetryConfig.builder().jitter(0.0).maxAttempts(3).build()).build());
    GatedBody body = GatedBody.cutAfter(pieces("Hel"));
    h.server.enqueue(gatedTracked(body));
    h.server.enqueue(streamed("Hello"));

    ChunkRecorder recorder = stream(request("Hi"));
    recorder.awaitChunks(1);
    body.open();

    Throwable error = recorder.awaitError();
    assertThat(error).isInstanceOf(ConnectionException.class);
    assertThat(((ConnectionException) error).attempts()).isEqualTo(1);
    assertThat(recorder.text()).isEqualTo("Hel");
    assertThat(h.server.getRequestCount()).isEqualTo(1);
    assertThat(h.time.pendingCount()).isZero();
  }

  @Test
  void theDeadlineCoversTheWholeStream() throws Exception {
    GatedBody body = new GatedBody(pieces("Hel"), List.of(end()));
    harness().server.enqueue(gatedTracked(body));

    ChunkRecorder recorder = stream(request("Hi"));
    recorder.awaitChunks(1);
    h.time.advance(Duration.ofSeconds(61));

    Throwable error = recorder.awaitError();
    assertThat(error).isInstanceOf(RequestTimeoutException.class);
    assertThat(error.getMessage()).contains("60000 ms");
    assertThat(recorder.text()).isEqualTo("Hel");
    body.open();
    assertThat(h.trinity.concurrencyLimiter().inFlight()).isZero();
  }

  @Test
  void holdsTheConcurrencyPermitUntilTheStreamIsCancelled() throws Exception {
    harness(
        c ->
            c.toBuilder()
                .concurrencyLimit(ConcurrencyLimitConfig.builder().maxConcurrency(1).build())
                .build());
    GatedBody body = new GatedBody(pieces("Hel"), List.of(end()));
    h.server.enqueue(gatedTracked(body));
    h.server.enqueue(streamed("second"));

    ChunkRecorder first = stream(request("one"));
    first.awaitChunks(1);
    ChunkRecorder second = stream(request("two"));
    PipelineHarness.waiting().until(() -> h.trinity.concurrencyLimiter().queued() == 1);
    assertThat(h.server.getRequestCount()).isEqualTo(1);

    first.cancel();

    assertThat(second.awaitCompletion()).extracting(LlmChunk::text).containsExactly("second", "");
    assertThat(h.server.getRequestCount()).isEqualTo(2);
    assertThat(first.isDone()).isFalse();
    assertThat(first.chunks()).hasSize(1);
    body.open();
    assertThat(h.trinity.concurrencyLimiter().inFlight()).isZero();
  }

  @Test
  void theBreakerCountsEachStreamsOutcome() throws Exception {
    harness(c -> c.toBuilder().circuitBreaker(CircuitBreakerConfig.consecutiveFailures()).build());
    for (int i = 0; i < CircuitBreakerConfig.DEFAULT_FAILURE_THRESHOLD; i++) {
      GatedBody body = GatedBody.cutAfter(pieces("x"));
      body.open();
      h.server.enqueue(gated(body));
    }
    for (int i = 0; i < CircuitBreakerConfig.DEFAULT_FAILURE_THRESHOLD; i++) {
      assertThat(stream(request("Hi " + i)).awaitError()).isInstanceOf(ConnectionException.class);
    }

    CircuitBreaker.State state =
        h.trinity.circuitBreakers().statusOfAll().values().iterator().next().state();
    assertThat(state).isEqualTo(CircuitBreaker.State.OPEN);
    assertThat(stream(request("Hi again")).awaitError())
        .isInstanceOf(dev.trinity.api.CircuitOpenException.class);
  }

  @Test
  void identicalStreamsAreNeverCoalesced() throws Exception {
    GatedBody body = new GatedBody(pieces("Hel"), List.of(piece("lo"), end()));
    harness().server.enqueue(gatedTracked(body));
    h.server.enqueue(streamed("Hello"));

    ChunkRecorder first = stream(request("Hi"));
    first.awaitChunks(1);
    ChunkRecorder second = stream(request("Hi"));
    assertThat(second.awaitCompletion()).extracting(LlmChunk::text).containsExactly("Hello", "");
    body.open();

    assertThat(first.awaitCompletion()).extracting(LlmChunk::text).containsExactly("Hel", "lo", "");
    assertThat(h.server.getRequestCount()).isEqualTo(2);
  }

  @Test
  void theBlockingClientStreamsToACallback() throws Exception {
    harness().server.enqueue(streamed("Hel", "lo"));
    List<String> pieces = new CopyOnWriteArrayList<>();

    LlmResponse answer = h.trinity.llm().stream(request("Hi"), pieces::add);

    assertThat(pieces).containsExactly("Hel", "lo");
    assertThat(answer.text()).isEqualTo("Hello");
    assertThat(answer.usage()).isEqualTo(new Usage(100, 3));
  }

  @Test
  void theBlockingClientThrowsTheStreamsFailureUnwrapped() {
    harness()
        .server
        .enqueue(new MockResponse.Builder().code(400).body("{\"error\":\"bad\"}").build());

    assertThatThrownBy(() -> h.trinity.llm().stream(request("Hi"), t -> {}))
        .isInstanceOf(dev.trinity.api.ProviderException.class)
        .hasMessageContaining("HTTP 400");
  }

  @Test
  void aProviderThatDoesNotStreamFailsWithATypedError() throws Exception {
    h = new PipelineHarness();
    assertThat(h.trinity.provider().capabilities()).doesNotContain(Capability.STREAMING);

    Throwable error = stream(request("Hi")).awaitError();

    assertThat(error)
        .isInstanceOf(UnsupportedCapabilityException.class)
        .hasMessageContaining("does not support STREAMING");
    assertThat(((UnsupportedCapabilityException) error).capability())
        .isEqualTo(Capability.STREAMING);
    assertThat(h.server.getRequestCount()).isZero();
  }

  @Test
  void askingForNoChunksFailsTheStream() throws Exception {
    GatedBody body = new GatedBody(pieces("Hel"), List.of(end()));
    harness().server.enqueue(gatedTracked(body));
    ChunkRecorder recorder = ChunkRecorder.manual();
    h.trinity.llmAsync().stream(request("Hi")).subscribe(recorder);

    recorder.request(0);

    assertThat(recorder.awaitError()).isInstanceOf(IllegalArgumentException.class);
    body.open();
  }

  @Test
  void streamOutcomesAreLoggedLikeAnyCall() throws Exception {
    try (LogCapture logs = LogCapture.of("dev.trinity.core.internal.pipeline")) {
      logs.start();
      harness().server.enqueue(streamed("Hel", "lo"));
      stream(request("Hi").toBuilder().correlationId("corr-7").build()).awaitCompletion();

      assertThat(logs.events(LogEvents.LLM_REQUEST_COMPLETED))
          .anySatisfy(
              e -> {
                assertThat(e.getMDCPropertyMap()).containsEntry("correlation_id", "corr-7");
              });
    }
  }
}
