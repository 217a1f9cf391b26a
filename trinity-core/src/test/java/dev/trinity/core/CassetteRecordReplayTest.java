package dev.trinity.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.ProviderException;
import dev.trinity.api.Usage;
import dev.trinity.cache.CacheConfig;
import dev.trinity.test.Cassette;
import dev.trinity.test.CassetteMissException;
import dev.trinity.test.CassetteMode;
import dev.trinity.test.CassetteProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Record and replay through a real {@link Trinity}: the built-in Ollama and OpenAI providers talk
 * to a stand-in server while recording, and the cassette answers alone once the server is gone.
 */
class CassetteRecordReplayTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String KEY = "sk-test-CASSETTE-0123456789";

  @TempDir Path cassettes;

  /** An Ollama stand-in answering "Answer to: <last message>" whatever the order of requests. */
  static MockWebServer ollama() throws Exception {
    MockWebServer server = new MockWebServer();
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            String prompt = lastMessage(request);
            return new MockResponse.Builder()
                .code(200)
                .body(
                    "{\"model\":\"llama3.2:3b\",\"created_at\":\"2026-01-01T00:00:00Z\","
                        + "\"message\":{\"role\":\"assistant\",\"content\":"
                        + quoted("Answer to: " + prompt)
                        + "},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":26,"
                        + "\"eval_count\":5}")
                .build();
          }
        });
    server.start();
    return server;
  }

  static String lastMessage(RecordedRequest request) {
    try {
      JsonNode messages = JSON.readTree(request.getBody().utf8()).path("messages");
      return messages.get(messages.size() - 1).path("content").asText();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static String quoted(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Trinity trinity(String provider, String baseUrl, Cassette cassette, Double temperature) {
    LlmConfig.Builder llm =
        LlmConfig.builder().provider(provider).baseUrl(baseUrl).model("llama3.2:3b");
    if (provider.equals("openai")) {
      llm.apiKey(KEY);
    }
    llm.temperature(temperature);
    return Trinity.builder()
        .llm(llm.build())
        .retry(dev.trinity.core.resilience.RetryConfig.builder().maxAttempts(1).build())
        // the cache would answer repeats itself; these tests are about the cassette
        .cache(CacheConfig.builder().enabled(false).build())
        .registerProvider(cassette.wrap(provider))
        .build();
  }

  static List<String> prompts() {
    return IntStream.range(0, 12).mapToObj(i -> "Write a one-line bio for developer " + i).toList();
  }

  @Test
  void recordsAgainstTheServerThenReplaysWithTheServerStopped() throws Exception {
    String url;
    try (MockWebServer server = ollama()) {
      url = server.url("/").toString();
      Cassette recording = Cassette.open(cassettes, "bios", CassetteMode.RECORD);
      try (Trinity trinity = trinity("ollama", url, recording, 0.2)) {
        assertThat(trinity.provider()).isInstanceOf(CassetteProvider.class);
        for (String prompt : prompts()) {
          assertThat(trinity.llm().generate(prompt).text()).isEqualTo("Answer to: " + prompt);
        }
      }
      assertThat(server.getRequestCount()).isEqualTo(prompts().size());
    }
    try (Stream<Path> files = Files.list(cassettes.resolve("bios"))) {
      assertThat(files).hasSize(prompts().size()).allMatch(f -> f.toString().endsWith(".json"));
    }

    Cassette replaying = Cassette.open(cassettes, "bios", CassetteMode.REPLAY);
    try (Trinity trinity = trinity("ollama", url, replaying, 0.2)) {
      List<String> backwards = new java.util.ArrayList<>(prompts());
      java.util.Collections.reverse(backwards);
      for (String prompt : backwards) {
        LlmResponse r = trinity.llm().generate(LlmRequest.builder().prompt(prompt).build());
        assertThat(r.text()).isEqualTo("Answer to: " + prompt);
        assertThat(r.model()).isEqualTo("llama3.2:3b");
        assertThat(r.provider()).isEqualTo("ollama");
        assertThat(r.usage()).isEqualTo(new Usage(26, 5));
        assertThat(r.finishReason()).contains("stop");
      }
    }
    assertThat(replaying.misses()).isEmpty();
  }

  @Test
  void replaysConcurrentlyFromManyThreads() throws Exception {
    try (MockWebServer server = ollama();
        Trinity trinity =
            trinity(
                "ollama",
                server.url("/").toString(),
                Cassette.open(cassettes, "bios", CassetteMode.RECORD),
                0.2)) {
      for (String prompt : prompts()) {
        trinity.llm().generate(prompt);
      }
    }

    ExecutorService callers = Executors.newFixedThreadPool(16);
    try (Trinity trinity =
        trinity(
            "ollama",
            "http://127.0.0.1:9/",
            Cassette.open(cassettes, "bios", CassetteMode.REPLAY),
            0.2)) {
      List<String> prompts = prompts();
      List<CompletableFuture<String>> answers =
          IntStream.range(0, 600)
              .mapToObj(
                  i ->
                      CompletableFuture.supplyAsync(
                          () -> trinity.llm().generate(prompts.get(i % prompts.size())).text(),
                          callers))
              .toList();
      for (int i = 0; i < answers.size(); i++) {
        assertThat(answers.get(i).get()).isEqualTo("Answer to: " + prompts.get(i % prompts.size()));
      }
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void aMissShowsTheNearestRecordingAndWhatChanged() throws Exception {
    try (MockWebServer server = ollama();
        Trinity trinity =
            trinity(
                "ollama",
                server.url("/").toString(),
                Cassette.open(cassettes, "bios", CassetteMode.RECORD),
                0.2)) {
      trinity.llm().generate("Write a one-line bio for Ada");
      trinity.llm().generate("Summarise this portfolio in three words");
    }

    // the configuration's temperature changed since the recording
    Cassette cassette = Cassette.open(cassettes, "bios", CassetteMode.REPLAY);
    try (Trinity trinity = trinity("ollama", "http://127.0.0.1:9/", cassette, 0.7)) {
      assertThatThrownBy(() -> trinity.llm().generate("Write a one-line bio for Ada"))
          .isInstanceOf(CassetteMissException.class)
          .hasMessageContaining("no recording in cassette 'bios'")
          .hasMessageContaining("(2 lines differ; - recorded, + this request)")
          .hasMessageContaining("  -   \"temperature\": 0.2,\n  +   \"temperature\": 0.7,\n");
    }
    assertThat(cassette.misses())
        .singleElement()
        .satisfies(m -> assertThat(m.nearestKey()).isPresent());
  }

  @Test
  void neitherTheApiKeyNorTheAuthorizationHeaderIsEverWritten() throws Exception {
    try (MockWebServer openai = new MockWebServer()) {
      // a proxy that echoes what it was sent, key and all
      openai.setDispatcher(
          new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
              String auth = request.getHeaders().get("Authorization");
              String prompt = lastMessage(request);
              if (prompt.contains("fail")) {
                return new MockResponse.Builder()
                    .code(401)
                    .body(
                        "{\"error\":{\"message\":\"Incorrect API key provided: "
                            + KEY
                            + "\",\"type\":\"invalid_request_error\"}}")
                    .build();
              }
              return new MockResponse.Builder()
                  .code(200)
                  .body(
                      "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1767225600,"
                          + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":"
                          + "{\"role\":\"assistant\",\"content\":"
                          + quoted("You sent " + auth + " with key " + KEY)
                          + "},\"finish_reason\":\"stop\"}],"
                          + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3}}")
                  .build();
            }
          });
      openai.start();
      Cassette cassette = Cassette.open(cassettes, "openai", CassetteMode.RECORD);
      try (Trinity trinity = trinity("openai", openai.url("/v1").toString(), cassette, null)) {
        assertThat(trinity.llm().generate("Echo my credentials").text()).contains(KEY);
        assertThatThrownBy(() -> trinity.llm().generate("Now fail please"))
            .isInstanceOf(ProviderException.class);
      }
      assertThat(openai.takeRequest().getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    }

    List<Path> files;
    try (Stream<Path> list = Files.list(cassettes.resolve("openai"))) {
      files = list.toList();
    }
    assertThat(files).hasSize(2);
    for (Path f : files) {
      assertThat(Files.readString(f))
          .doesNotContain(KEY)
          .doesNotContain("CASSETTE-0123456789")
          .doesNotContainPattern("Bearer [^*]")
          .doesNotContainPattern("sk-[A-Za-z0-9]");
    }
    assertThat(files.stream().map(CassetteRecordReplayTest::read))
        .anySatisfy(s -> assertThat(s).contains("You sent Bearer **** with key ****"))
        .anySatisfy(s -> assertThat(s).contains("\"status\": \"error\"", "\"status_code\": 401"));
  }

  static String read(Path f) {
    try {
      return Files.readString(f);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
