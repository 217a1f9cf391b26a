package dev.trinity.core.internal.providers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trinity.api.Capability;
import dev.trinity.api.LlmChunk;
import dev.trinity.api.LlmProvider;
import dev.trinity.api.LlmProviderFactory;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.Message;
import dev.trinity.api.ProviderConfig;
import dev.trinity.api.ResponseFormat;
import dev.trinity.api.UnsupportedCapabilityException;
import dev.trinity.core.testing.ChunkRecorder;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A declared capability is true: every provider registered with {@link ServiceLoader} is checked
 * against behaviour for each {@link Capability} it declares, and a provider that does not declare
 * {@link Capability#STREAMING} refuses to stream with a typed error.
 *
 * <ul>
 *   <li>{@code STREAMING}: a chunked body reaches the subscriber as several text chunks before the
 *       last one, and the request asked the server to stream;
 *   <li>{@code JSON_MODE}: asking for JSON changes what is sent (the server's JSON switch);
 *   <li>{@code JSON_SCHEMA}: the schema itself is sent (a server-side constraint); a provider that
 *       answers without a server must answer with JSON the schema accepts.
 * </ul>
 */
class DeclaredCapabilitiesTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String SCHEMA =
      "{\"type\":\"object\",\"properties\":{\"verdict_field\":{\"type\":\"string\"}},"
          + "\"required\":[\"verdict_field\"]}";

  /** A whole answer {@code {}} in each HTTP provider's format. */
  static final Map<String, String> OK_BODIES =
      Map.of(
          "ollama",
          "{\"model\":\"m1\",\"message\":{\"role\":\"assistant\",\"content\":\"{}\"},\"done\":true}",
          "openai",
          "{\"model\":\"m1\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
              + "\"content\":\"{}\"},\"finish_reason\":\"stop\"}]}",
          "llamacpp",
          "{\"content\":\"{}\",\"stop\":true}");

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

  static Stream<String> registeredProviders() {
    return StreamSupport.stream(ServiceLoader.load(LlmProviderFactory.class).spliterator(), false)
        .map(LlmProviderFactory::name);
  }

  LlmProvider provider(String name) {
    LlmProviderFactory factory =
        StreamSupport.stream(ServiceLoader.load(LlmProviderFactory.class).spliterator(), false)
            .filter(f -> f.name().equals(name))
            .findFirst()
            .orElseThrow();
    ProviderConfig config =
        ProviderConfig.builder(name, URI.create(server.url("/").toString()), "m1").build();
    return factory.create(config, transports.context(Clock.systemUTC()));
  }

  static LlmRequest request(ResponseFormat format) {
    return LlmRequest.builder()
        .model("m1")
        .addMessage(Message.user("# Ada\n\n## Projects\n\n### pgwatch\nStars: 4\n"))
        .responseFormat(format)
        .build();
  }

  @ParameterizedTest
  @MethodSource("registeredProviders")
  void streamingIsDeclaredExactlyWhenTheProviderStreams(String name) throws Exception {
    LlmProvider provider = provider(name);
    ChunkRecorder recorder = ChunkRecorder.unbounded();
    if (!provider.capabilities().contains(Capability.STREAMING)) {
      provider.stream(request(ResponseFormat.text())).subscribe(recorder);
      assertThat(recorder.awaitError()).isInstanceOf(UnsupportedCapabilityException.class);
      assertThat(server.getRequestCount()).isZero();
      return;
    }
    StreamingProvidersTest.Wire wire =
        Stream.of(StreamingProvidersTest.Wire.values())
            .filter(w -> w.factory.name().equals(name))
            .findFirst()
            .orElseThrow(() -> new AssertionError(name + " declares STREAMING; add its wire"));
    server.enqueue(StreamingProvidersTest.chunked(wire.body()));

    provider.stream(request(ResponseFormat.text())).subscribe(recorder);
    List<LlmChunk> chunks = recorder.awaitCompletion();

    assertThat(chunks.stream().filter(c -> !c.isLast() && !c.text().isEmpty()).count())
        .isGreaterThan(1);
    assertThat(chunks.get(chunks.size() - 1).isLast()).isTrue();
    JsonNode sent = JSON.readTree(server.takeRequest().getBody().utf8());
    assertThat(sent.path("stream").asBoolean()).isTrue();
  }

  @ParameterizedTest
  @MethodSource("registeredProviders")
  void jsonModeIsDeclaredOnlyWhereAskingForJsonReachesTheServer(String name) throws Exception {
    LlmProvider provider = provider(name);
    if (!provider.capabilities().contains(Capability.JSON_MODE)) {
      return; // nothing is claimed
    }
    String text = sent(provider, ResponseFormat.text());
    String json = sent(provider, ResponseFormat.json());

    assertThat(json).isNotNull().isNotEqualTo(text);
  }

  @ParameterizedTest
  @MethodSource("registeredProviders")
  void jsonSchemaIsDeclaredOnlyWhereTheSchemaHoldsTheAnswer(String name) throws Exception {
    LlmProvider provider = provider(name);
    if (!provider.capabilities().contains(Capability.JSON_SCHEMA)) {
      return; // nothing is claimed
    }
    ResponseFormat schema = ResponseFormat.jsonSchema("verdict", SCHEMA);
    if (!OK_BODIES.containsKey(name)) {
      // answered without a server: the answer itself must satisfy the schema
      LlmResponse answer = provider.generate(request(schema)).get(10, TimeUnit.SECONDS);
      assertThat(JSON.readTree(answer.text()).has("verdict_field"))
          .as("%s declares JSON_SCHEMA but its answer ignores the schema", name)
          .isTrue();
      return;
    }
    String sent = sent(provider, schema);
    assertThat(sent).contains("verdict_field").isNotEqualTo(sent(provider, ResponseFormat.json()));
  }

  /** The body the provider sends for a request in this format, answered with {@code {}}. */
  private String sent(LlmProvider provider, ResponseFormat format) throws Exception {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .addHeader("Content-Type", "application/json")
            .body(OK_BODIES.get(provider.name()))
            .build());
    provider.generate(request(format)).get(10, TimeUnit.SECONDS);
    RecordedRequest r = server.takeRequest(10, TimeUnit.SECONDS);
    return r.getBody().utf8();
  }
}
