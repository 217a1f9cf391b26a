package dev.trinity.logging.logback;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trinity.logging.CorrelationContext;
import dev.trinity.logging.LogEvents;
import dev.trinity.logging.LogEvents.Keys;
import dev.trinity.logging.TrinityLogging.Profile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@SuppressWarnings("try") // scopes opened only for their effect on the MDC
class DevelopmentProfileTest {
  private static final String TIME = "\\d\\d:\\d\\d:\\d\\d\\.\\d{3}";

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

  /** Configures the profile (without colour unless asked), logs, returns the console lines. */
  private List<String> console(Map<String, String> variables, Consumer<Logger> logging) {
    Map<String, String> all = new HashMap<>(Map.of("LOG_COLOR", "never"));
    all.putAll(variables);
    LogbackProfiles.configure(context, Profile.DEVELOPMENT, all);
    try (TestContexts.Stdout stdout = new TestContexts.Stdout()) {
      logging.accept(context.getLogger("dev.trinity.core.Brain"));
      return stdout.lines();
    }
  }

  private static void completed(Logger log) {
    log.atInfo()
        .setMessage(LogEvents.LLM_REQUEST_COMPLETED)
        .addKeyValue(Keys.DURATION_MS, 1234)
        .addKeyValue(Keys.CACHE_HIT, false)
        .log();
  }

  @Test
  void rendersLevelTimeLoggerMessageAndKeyValuesInTheDocumentedShape() {
    List<String> lines = console(Map.of(), DevelopmentProfileTest::completed);

    assertThat(lines)
        .singleElement()
        .asString()
        .matches(
            "INFO     "
                + TIME
                + " \\[dev\\.trinity\\.core\\.Brain\\] llm_request_completed"
                + " \\(duration_ms=1234 \\| cache_hit=false\\)");
  }

  @Test
  void appendsTheCorrelationIdWhenPresent() {
    List<String> lines =
        console(
            Map.of(),
            log -> {
              try (CorrelationContext scope = CorrelationContext.open("build-123")) {
                completed(log);
                log.debug("build_started");
              }
            });

    assertThat(lines.get(0))
        .endsWith(
            "llm_request_completed (duration_ms=1234 | cache_hit=false | correlation_id=build-123)");
    assertThat(lines.get(1))
        .matches(
            "DEBUG    "
                + TIME
                + " \\[dev\\.trinity\\.core\\.Brain\\] build_started"
                + " \\(correlation_id=build-123\\)");
  }

  @Test
  void aMessageWithoutPairsOrCorrelationEndsWithTheMessage() {
    List<String> lines = console(Map.of(), log -> log.warn("cache_tier_unavailable"));

    assertThat(lines).singleElement().asString().endsWith("] cache_tier_unavailable");
  }

  @Test
  void abbreviatesLongLoggerNames() {
    LogbackProfiles.configure(context, Profile.DEVELOPMENT, Map.of("LOG_COLOR", "never"));
    try (TestContexts.Stdout stdout = new TestContexts.Stdout()) {
      context.getLogger("dev.trinity.core.internal.pipeline.RetryInterceptor").info("x");
      context.getLogger("dev.trinity.core.internal.pipeline.LlmPipeline").info("y");

      assertThat(stdout.lines())
          .satisfiesExactly(
              line -> assertThat(line).endsWith(" [d.t.c.i.pipeline.RetryInterceptor] x"),
              line -> assertThat(line).endsWith(" [d.t.c.internal.pipeline.LlmPipeline] y"));
    }
  }

  @Test
  void showsDebugByDefaultAndLogLevelRaisesTheThreshold() {
    assertThat(console(Map.of(), log -> log.debug("debug_line"))).hasSize(1);
    assertThat(console(Map.of("LOG_LEVEL", "INFO"), log -> log.debug("debug_line"))).isEmpty();
  }

  @Test
  void scrubsSecretsFromMessagesAndValues() {
    List<String> lines =
        console(
            Map.of(),
            log ->
                log.atWarn()
                    .setMessage("calling redis://user:hunter2@cache:6379")
                    .addKeyValue("header", "Bearer abc.def")
                    .log());

    assertThat(lines.get(0))
        .endsWith("calling redis://user:***@cache:6379 (header=Bearer ***)")
        .doesNotContain("hunter2", "abc.def");
  }

  @Test
  void printsTheStackTraceUnderTheLine() {
    List<String> lines =
        console(Map.of(), log -> log.error("llm_request_failed", new IllegalStateException("no")));

    assertThat(lines.get(0)).endsWith("] llm_request_failed");
    assertThat(lines.get(1)).isEqualTo("java.lang.IllegalStateException: no");
  }

  @Test
  void colouredWhenAskedAndPlainWhenNot() {
    List<String> coloured = console(Map.of("LOG_COLOR", "always"), log -> log.warn("w"));
    List<String> plain = console(Map.of("LOG_COLOR", "never"), log -> log.warn("w"));

    assertThat(coloured.get(0)).startsWith("\u001B[").contains("WARN");
    assertThat(plain.get(0)).startsWith("WARN     ").doesNotContain("\u001B[");
  }

  @Test
  void jsonFormatSwitchesTheConsoleToJson() throws Exception {
    List<String> lines =
        console(
            Map.of("LOG_FORMAT", "json"),
            log -> {
              try (CorrelationContext scope = CorrelationContext.open("build-123")) {
                completed(log);
              }
            });

    var node = new ObjectMapper().readTree(lines.get(0));
    assertThat(node.path("message").asText()).isEqualTo("llm_request_completed");
    assertThat(node.path("duration_ms").asInt()).isEqualTo(1234);
    assertThat(node.path("correlation_id").asText()).isEqualTo("build-123");
  }
}
