package dev.trinity.logging.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trinity.logging.CorrelationContext;
import dev.trinity.logging.LogEvents;
import dev.trinity.logging.LogEvents.Keys;
import dev.trinity.logging.TrinityLogging.Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SuppressWarnings("try") // scopes opened only for their effect on the MDC
class ProductionProfileTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String TIMESTAMP = "\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z";
  private static final String LOGGER = "dev.trinity.core.internal.pipeline.LlmPipeline";

  @TempDir Path logDir;
  private LoggerContext context;

  @BeforeEach
  void newContext() {
    context = TestContexts.newContext();
  }

  @AfterEach
  void stopContext() {
    TestContexts.assertNoErrors(context);
    context.stop();
  }

  /** Logs one request's events, as the pipeline would, then closes the files. */
  private List<String> logARequest(Map<String, String> variables) {
    Map<String, String> all = new HashMap<>(variables);
    all.put("LOG_DIR", logDir.toString());
    LogbackProfiles.configure(context, Profile.PRODUCTION, all);
    Logger log = context.getLogger(LOGGER);
    try (TestContexts.Stdout console = new TestContexts.Stdout();
        CorrelationContext scope = CorrelationContext.open("build-123")) {
      log.atDebug()
          .setMessage(LogEvents.LLM_RESPONSE)
          .addKeyValue(Keys.ANSWER, "hidden at INFO")
          .log();
      log.atInfo()
          .setMessage(LogEvents.LLM_REQUEST_SENT)
          .addKeyValue(Keys.PROVIDER, "ollama")
          .addKeyValue(Keys.MODEL, "llama3.2:3b")
          .log();
      log.atWarn()
          .setMessage(LogEvents.RETRY_SCHEDULED)
          .addKeyValue(Keys.ATTEMPT, 1)
          .addKeyValue(Keys.DELAY_MS, 500L)
          .log();
      log.atInfo()
          .setMessage(LogEvents.LLM_REQUEST_COMPLETED)
          .addKeyValue(Keys.DURATION_MS, 1234L)
          .addKeyValue(Keys.CACHE_HIT, false)
          .addKeyValue(Keys.CACHE_TIER, (Object) null)
          .log();
      log.atError()
          .setMessage(LogEvents.LLM_REQUEST_FAILED)
          .addKeyValue(Keys.DURATION_MS, 2000L)
          .addKeyValue(Keys.ERROR, "401 for Authorization: Bearer abc.def.ghi")
          .setCause(new IllegalStateException("upstream said no"))
          .log();
      context.stop(); // flushes and closes the files
      return console.lines();
    }
  }

  private List<JsonNode> jsonLines(String file) {
    try {
      List<JsonNode> nodes = new ArrayList<>();
      for (String line : Files.readAllLines(logDir.resolve(file))) {
        nodes.add(JSON.readTree(line));
      }
      return nodes;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> messages(List<JsonNode> lines) {
    return lines.stream().map(n -> n.path("message").asText()).toList();
  }

  @Test
  void trinityLogHoldsOneJsonObjectPerLineWithTrinitysFieldNames() {
    logARequest(Map.of());

    List<JsonNode> lines = jsonLines("trinity.log");

    assertThat(messages(lines))
        .containsExactly(
            "llm_request_sent", "retry_scheduled", "llm_request_completed", "llm_request_failed");
    for (JsonNode line : lines) {
      assertThat(line.path("timestamp").asText()).matches(TIMESTAMP);
      assertThat(line.path("logger").asText()).isEqualTo(LOGGER);
      assertThat(line.path("correlation_id").asText()).isEqualTo("build-123");
      assertThat(line.path("thread").asText()).isNotEmpty();
      assertThat(line.has("@timestamp")).isFalse();
      assertThat(line.has("@version")).isFalse();
      assertThat(line.has("logger_name")).isFalse();
      assertThat(line.has("level_value")).isFalse();
    }
    assertThat(lines.stream().map(n -> n.path("level").asText()))
        .containsExactly("INFO", "WARN", "INFO", "ERROR");
  }

  @Test
  void keyValuePairsAreTopLevelFieldsWithTheirJsonTypes() {
    logARequest(Map.of());

    JsonNode completed = jsonLines("trinity.log").get(2);

    assertThat(completed.path("duration_ms").isIntegralNumber()).isTrue();
    assertThat(completed.path("duration_ms").asLong()).isEqualTo(1234L);
    assertThat(completed.path("cache_hit").isBoolean()).isTrue();
    assertThat(completed.path("cache_hit").asBoolean()).isFalse();
    assertThat(completed.has("cache_tier")).as("null values are left out").isFalse();
    assertThat(jsonLines("trinity.log").get(0).path("model").asText()).isEqualTo("llama3.2:3b");
  }

  @Test
  void secretsAreScrubbedAndExceptionsGoToStackTrace() {
    logARequest(Map.of());

    JsonNode failed = jsonLines("trinity.log").get(3);

    assertThat(failed.path("error").asText()).isEqualTo("401 for Authorization: Bearer ***");
    assertThat(failed.path("stack_trace").asText())
        .contains("IllegalStateException: upstream said no");
  }

  @Test
  void errorsLogGetsOnlyErrorLines() {
    logARequest(Map.of());

    List<JsonNode> errors = jsonLines("errors.log");

    assertThat(messages(errors)).containsExactly("llm_request_failed");
    assertThat(errors).allSatisfy(n -> assertThat(n.path("level").asText()).isEqualTo("ERROR"));
  }

  @Test
  void performanceLogGetsOnlyLinesCarryingDurationMs() {
    logARequest(Map.of());

    List<JsonNode> performance = jsonLines("performance.log");

    assertThat(messages(performance))
        .containsExactly("llm_request_completed", "llm_request_failed");
    assertThat(performance).allSatisfy(n -> assertThat(n.has("duration_ms")).isTrue());
  }

  @Test
  void theConsoleGetsTheSameJsonLines() throws IOException {
    List<String> console = logARequest(Map.of());

    assertThat(console).hasSize(4);
    for (String line : console) {
      assertThat(JSON.readTree(line).path("correlation_id").asText()).isEqualTo("build-123");
    }
  }

  @Test
  void logLevelOverridesTheDefaultInfo() {
    logARequest(Map.of("LOG_LEVEL", "DEBUG"));

    assertThat(messages(jsonLines("trinity.log"))).startsWith("llm_response");
  }

  @Test
  void humanFormatChangesTheConsoleOnlyAndTheFilesStayJson() {
    List<String> console = logARequest(Map.of("LOG_FORMAT", "human"));

    assertThat(console.get(0))
        .startsWith("INFO     ")
        .contains("llm_request_sent (provider=ollama");
    assertThat(jsonLines("trinity.log")).hasSize(4);
  }
}
