package dev.trinity.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.ProviderException;
import dev.trinity.core.resilience.RetryConfig;
import dev.trinity.test.LogCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The API key reaches the server's Authorization header and nowhere else. */
class SecretHygieneTest {
  private static final String KEY = "sk-test-SECRET-123";

  private final MockWebServer server = new MockWebServer();
  private final LogCapture captured =
      LogCapture.of("dev.trinity").atLevel(org.slf4j.event.Level.DEBUG);
  private Trinity trinity;

  @BeforeEach
  void start() throws Exception {
    server.start();
    captured.start();
    trinity =
        Trinity.builder()
            .llm(
                LlmConfig.builder()
                    .provider("openai")
                    .baseUrl(server.url("/v1").toString())
                    .model("gpt-test")
                    .apiKey(KEY)
                    .build())
            .retry(RetryConfig.builder().maxAttempts(2).initialBackoff(Duration.ZERO).build())
            .cache(
                dev.trinity.cache.CacheConfig.builder()
                    .tiers(dev.trinity.cache.TierType.MEMORY)
                    .build())
            .build();
  }

  @AfterEach
  void stop() {
    trinity.close();
    captured.close();
    server.close();
  }

  @Test
  void theApiKeyIsSentOnlyAsTheBearerToken() throws Exception {
    String echo = "{\"error\":{\"message\":\"Incorrect API key provided: " + KEY + "\"}}";
    server.enqueue(new MockResponse.Builder().code(503).body(echo).build());
    server.enqueue(new MockResponse.Builder().code(401).body(echo).build());

    assertThatThrownBy(() -> trinity.llm().generate(LlmRequest.of("hello")))
        .isInstanceOf(ProviderException.class)
        .satisfies(e -> assertThat(everyMessageIn(e)).noneMatch(m -> m.contains(KEY)));

    RecordedRequest first = server.takeRequest();
    assertThat(first.getHeaders().get("Authorization")).isEqualTo("Bearer " + KEY);
    assertThat(first.getBody().utf8()).doesNotContain(KEY);
    assertThat(captured.events()).isNotEmpty();
    assertThat(captured.events())
        .allSatisfy(e -> assertThat(LogCapture.render(e)).doesNotContain(KEY));
    assertThat(trinity.config().toString()).doesNotContain(KEY);
    assertThat(trinity.provider().toString()).doesNotContain(KEY);
  }

  @Test
  void promptsAndAnswersAreLoggedOnlyAtDebug() {
    server.enqueue(
        new MockResponse.Builder()
            .code(200)
            .body(
                "{\"model\":\"gpt-test\",\"choices\":[{\"message\":{\"content\":\"the answer\"},"
                    + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2}}")
            .build());

    trinity.llm().generate(LlmRequest.of("the private prompt"));

    List<ILoggingEvent> mentioningBodies =
        captured.events().stream()
            .filter(
                e ->
                    LogCapture.render(e).contains("the private prompt")
                        || LogCapture.render(e).contains("the answer"))
            .toList();
    assertThat(mentioningBodies)
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.DEBUG));
  }

  private static List<String> everyMessageIn(Throwable t) {
    List<String> out = new ArrayList<>();
    for (Throwable c = t; c != null; c = c.getCause()) {
      out.add(String.valueOf(c.getMessage()));
      out.add(c.toString());
      for (Throwable s : c.getSuppressed()) {
        out.addAll(everyMessageIn(s));
      }
    }
    return out;
  }
}
