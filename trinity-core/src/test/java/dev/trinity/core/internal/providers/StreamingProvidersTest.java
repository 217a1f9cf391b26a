package dev.trinity.core.internal.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trinity.api.Capability;
import dev.trinity.api.ConnectionException;
import dev.trinity.api.LlmChunk;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmProviderFactory;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.MalformedResponseException;
import dev.trinity.api.ProviderConfig;
import dev.trinity.api.ProviderException;
import dev.trinity.api.Usage;
import dev.trinity.core.internal.providers.llamacpp.LlamaCppProviderFactory;
import dev.trinity.core.internal.providers.ollama.OllamaProviderFactory;
import dev.trinity.core.internal.providers.openai.OpenAiProviderFactory;
import dev.trinity.core.testing.ChunkRecorder;
import dev.trinity.core.testing.GatedBody;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each built-in provider's streamed wire format, read incrementally from a real chunked body:
 * Ollama's NDJSON, OpenAI's server-sent events with usage and {@code [DONE]}, llama.cpp's events.
 */
class StreamingProvidersTest {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A provider's streamed answer "Hello, world" in its own wire format. */
  enum Wire {
    OLLAMA(
        new OllamaProviderFactory(),
        "/api/chat",
        List.of(
            "{\"model\":\"m1\",\"message\":{\"role\":\"assistant\",\"content\":\"Hello\"},\"done\":false}",
            "{\"model\":\"m1\",\"message\":{\"role\":\"assistant\",\"content\":\", \"},\"done\":false}",
            "{\"model\":\"m1\",\"message\":{\"role\":\"assistant\",\"content\":\"world\"},\"done\":false}"),
        List.of(
            "{\"model\":\"m1\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,"
                + "\"done_reason\":\"stop\",\"prompt_eval_count\":7,\"eval_count\":3}"),
        "{not json",
        "{\"error\":\"model runner has unexpectedly stopped\"}"),
    OPENAI(
        new OpenAiProviderFactory(),
        "/v1/chat/completions",
        List.of(
            ": keep-alive",
            "data: {\"model\":\"m1\",\"choices\":[{\"index\":0,\"delta\":{\"role\":\"assistant\"}}]}",
            "",
            "data: {\"model\":\"m1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello\"}}]}",
            "",
            "data: {\"model\":\"m1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\", \"}}]}",
            "",
            "data: {\"model\":\"m1\",\"choices\":[{\"index\":0,\"delta\":{\"content\":\"world\"}}]}",
            ""),
        List.of(
            "data: {\"model\":\"m1\",\"choices\":[{\"index\":0,\"delta\":{},"
                + "\"finish_reason\":\"stop\"}],\"usage\":null}",
            "",
            "data: {\"model\":\"m1\",\"choices\":[],"
                + "\"usage\":{\"prompt_tokens\":7,\"completion_tokens\":3}}",
            "",
            "data: [DONE]",
            ""),
        "data: {not json\n",
        "data: {\"error\":{\"message\":\"overloaded\",\"code\":\"server_error\"}}\n"),
    LLAMACPP(
        new LlamaCppProviderFactory(),
        "/completion",
        List.of(
            "data: {\"content\":\"Hello\",\"stop\":false}",
            "",
            "data: {\"content\":\", \",\"stop\":false}",
            "",
            "data: {\"content\":\"world\",\"stop\":false}",
            ""),
        List.of(
            "data: {\"content\":\"\",\"stop\":true,\"model\":\"m1\",\"stop_type\":\"eos\","
                + "\"tokens_evaluated\":7,\"tokens_predicted\":3}",
            ""),
        "data: {not json\n",
        "data: {\"error\":{\"code\":500,\"message\":\"slot crashed\"}}\n");

    final LlmProviderFactory factory;
    final String path;
    final List<String> textLines;
    final List<String> endLines;
    final String malformedLine;
    final String errorLine;

    Wire(
        LlmProviderFactory factory,
        String path,
        List<String> textLines,
        List<String> endLines,
        String malformedLine,
        String errorLine) {
      this.factory = factory;
      this.path = path;
      this.textLines = textLines;
      this.endLines = endLines;
      this.malformedLine = malformedLine;
      this.errorLine = errorLine;
    }

    String body() {
      StringBuilder b = new StringBuilder();
      textLines.forEach(l -> b.append(l).append('\n'));
      endLines.forEach(l -> b.append(l).append('\n'));
      return b.toString();
    }
  }

  MockWebServer server;
  TestTransports transports;

  @BeforeEach
  void start() throws Exception {
    server = new MockWebServer();
    server.start();
    transports = new TestTransports();
  }

  @AfterEach
  void stop() {
    server.close();
    transports.close();
  }

  LlmProvider provider(Wire wire) {
    ProviderConfig config =
        ProviderConfig.builder(wire.factory.name(), URI.create(server.url("/").toString()), "m1")
            .build();
    return wire.factory.create(config, transports.context(Clock.systemUTC()));
  }

  static LlmRequest request() {
    return LlmRequest.builder().model("m1").addMessage(dev.trinity.api.Message.user("Hi")).build();
  }

  static MockResponse chunked(String body) {
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "text/event-stream")
        .chunkedBody(body, 16)
        .build();
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void streamsTheTextPieceByPieceThenUsageAndFinishReason(Wire wire) throws Exception {
    server.enqueue(chunked(wire.body()));
    LlmProvider provider = provider(wire);
    assertThat(provider.capabilities()).contains(Capability.STREAMING);

    ChunkRecorder recorder = ChunkRecorder.unbounded();
    provider.stream(request()).subscribe(recorder);
    List<LlmChunk> chunks = recorder.awaitCompletion();

    assertThat(chunks).extracting(LlmChunk::text).containsExactly("Hello", ", ", "world", "");
    LlmChunk last = chunks.get(3);
    assertThat(last.isLast()).isTrue();
    assertThat(last.usage()).contains(new Usage(7, 3));
    assertThat(last.finishReason()).contains("stop");
    assertThat(last.model()).contains("m1");
    assertThat(chunks.subList(0, 3)).noneMatch(LlmChunk::isLast);

    RecordedRequest sent = server.takeRequest();
    assertThat(sent.getUrl().encodedPath()).isEqualTo(wire.path);
    JsonNode body = JSON.readTree(sent.getBody().utf8());
    assertThat(body.path("stream").asBoolean()).isTrue();
    if (wire == Wire.OPENAI) {
      assertThat(body.path("stream_options").path("include_usage").asBoolean()).isTrue();
    }
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void publishesNoMoreChunksThanRequested(Wire wire) throws Exception {
    server.enqueue(chunked(wire.body()));
    ChunkRecorder recorder = ChunkRecorder.manual();
    provider(wire).stream(request()).subscribe(recorder);

    recorder.request(1);
    assertThat(recorder.awaitChunks(1)).extracting(LlmChunk::text).containsExactly("Hello");
    recorder.request(2);
    assertThat(recorder.awaitChunks(3)).hasSize(3);
    assertThat(recorder.isDone()).isFalse();
    assertThat(recorder.chunks()).hasSize(3);

    recorder.request(1);
    assertThat(recorder.awaitCompletion()).hasSize(4).last().matches(LlmChunk::isLast);
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void aLineThatIsNotJsonFailsTheStreamAsMalformed(Wire wire) throws Exception {
    server.enqueue(
        chunked(
            wire.textLines.get(wire == Wire.OPENAI ? 3 : 0) + "\n\n" + wire.malformedLine + "\n"));
    ChunkRecorder recorder = ChunkRecorder.unbounded();
    provider(wire).stream(request()).subscribe(recorder);

    Throwable error = recorder.awaitError();

    assertThat(error).isInstanceOf(MalformedResponseException.class);
    assertThat(error.getMessage()).contains(wire.factory.name()).contains("not valid JSON");
    assertThat(recorder.text()).isEqualTo("Hello");
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void anErrorSentMidwayFailsTheStreamWithTheServersMessage(Wire wire) throws Exception {
    server.enqueue(
        chunked(wire.textLines.get(wire == Wire.OPENAI ? 3 : 0) + "\n\n" + wire.errorLine + "\n"));
    ChunkRecorder recorder = ChunkRecorder.unbounded();
    provider(wire).stream(request()).subscribe(recorder);

    Throwable error = recorder.awaitError();

    assertThat(error)
        .isInstanceOf(ProviderException.class)
        .hasMessageContaining("reported an error while streaming");
    assertThat(((ProviderException) error).isRetryable()).isTrue();
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void aBodyThatEndsBeforeTheLastMessageFailsAsALostConnection(Wire wire) throws Exception {
    StringBuilder partial = new StringBuilder();
    wire.textLines.forEach(l -> partial.append(l).append('\n'));
    server.enqueue(chunked(partial.toString()));
    ChunkRecorder recorder = ChunkRecorder.unbounded();
    provider(wire).stream(request()).subscribe(recorder);

    Throwable error = recorder.awaitError();

    assertThat(error)
        .isInstanceOf(ConnectionException.class)
        .hasMessageContaining("closed the stream before its last message");
    assertThat(recorder.text()).isEqualTo("Hello, world");
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void aServerClosingTheConnectionMidwayFailsAsALostConnection(Wire wire) throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .chunkedBody(wire.body(), 16)
            .onResponseBody(SocketEffect.ShutdownConnection.INSTANCE)
            .build());
    ChunkRecorder recorder = ChunkRecorder.unbounded();
    provider(wire).stream(request()).subscribe(recorder);

    Throwable error = recorder.awaitError();

    assertThat(error).isInstanceOf(ConnectionException.class);
    assertThat(recorder.chunks()).noneMatch(LlmChunk::isLast);
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void anHttpErrorFailsTheStreamAsTheBlockingCallWould(Wire wire) throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(503)
            .addHeader("Retry-After", "2")
            .body("{\"error\":\"loading model\"}")
            .build());
    ChunkRecorder recorder = ChunkRecorder.unbounded();
    provider(wire).stream(request()).subscribe(recorder);

    Throwable error = recorder.awaitError();

    assertThat(error).isInstanceOf(ProviderException.class).hasMessageContaining("HTTP 503");
    ProviderException pe = (ProviderException) error;
    assertThat(pe.statusCode()).isEqualTo(503);
    assertThat(pe.retryAfter()).contains(java.time.Duration.ofSeconds(2));
  }

  @ParameterizedTest
  @EnumSource(Wire.class)
  void cancellingStopsTheChunksWhileTheModelIsStillWriting(Wire wire) throws Exception {
    GatedBody body = new GatedBody(wire.textLines, wire.endLines);
    server.enqueue(new MockResponse.Builder().code(200).body(body).build());
    ChunkRecorder recorder = ChunkRecorder.unbounded();
    provider(wire).stream(request()).subscribe(recorder);
    recorder.awaitChunks(3);

    recorder.cancel();
    body.open();

    assertThat(recorder.chunks()).hasSize(3);
    assertThat(recorder.isDone()).isFalse();
  }
}
