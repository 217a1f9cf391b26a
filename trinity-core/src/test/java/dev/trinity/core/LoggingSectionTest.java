package dev.trinity.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.util.ContextInitializer;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.trinity.api.ConfigurationException;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.ProviderException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The {@code logging:} section and the LOG_* variables take effect when Trinity is built. */
class LoggingSectionTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger PROBE = LoggerFactory.getLogger("com.example.host");

  @TempDir Path dir;
  private final PrintStream original = System.out;
  private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();

  @BeforeEach
  void captureStdout() {
    System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
  }

  @AfterEach
  void restoreStdoutAndTheTestLogging() throws Exception {
    System.setOut(original);
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    new ContextInitializer(context).autoConfig();
  }

  private TrinityConfig load(String yaml, Map<String, String> env) throws Exception {
    Path file = dir.resolve("trinity.yaml");
    Files.writeString(file, yaml);
    return Trinity.loadConfig(file, env);
  }

  private static Trinity offline(TrinityConfig config) {
    return Trinity.builder()
        .config(
            config.toBuilder()
                .llm(LlmConfig.builder().provider("offline").build())
                .cache(dev.trinity.cache.CacheConfig.builder().enabled(false).build())
                .build())
        .build();
  }

  private List<String> lines() {
    System.out.flush();
    return stdout.toString(StandardCharsets.UTF_8).lines().toList();
  }

  private List<JsonNode> jsonLines() throws Exception {
    List<JsonNode> nodes = new ArrayList<>();
    for (String line : lines()) {
      assertThat(line).as("every console line is JSON").startsWith("{");
      nodes.add(JSON.readTree(line));
    }
    return nodes;
  }

  @Test
  void levelDebugAndFormatJsonFromTheFileTurnTheConsoleIntoDebugJson() throws Exception {
    TrinityConfig config = load("logging: { level: debug, format: json }\n", Map.of());
    assertThat(config.logging())
        .isEqualTo(new LoggingConfig(null, LoggingConfig.Level.DEBUG, LoggingConfig.Format.JSON));

    try (Trinity trinity = offline(config)) {
      PROBE.debug("host_probe");
      // the offline provider finds no portfolio in this prompt and fails: a request that logs
      assertThatThrownBy(() -> trinity.llm().generate(LlmRequest.of("Write a one-line bio")))
          .isInstanceOf(ProviderException.class);
    }

    List<JsonNode> lines = jsonLines();
    assertThat(lines)
        .anySatisfy(
            n -> {
              assertThat(n.path("message").asText()).isEqualTo("host_probe");
              assertThat(n.path("level").asText()).isEqualTo("DEBUG");
            });
    // Trinity's own DEBUG event (the prompt) and its other events come out as JSON too
    assertThat(lines)
        .anySatisfy(n -> assertThat(n.path("message").asText()).isEqualTo("llm_prompt"));
    assertThat(lines)
        .anySatisfy(
            n -> {
              assertThat(n.path("message").asText()).isEqualTo("llm_request_failed");
              assertThat(n.path("level").asText()).isEqualTo("ERROR");
              assertThat(n.path("provider").asText()).isEqualTo("offline");
            });
  }

  @Test
  void theLogVariablesOverrideTheFileAndTakeEffectToo() throws Exception {
    TrinityConfig config =
        load(
            "logging: { level: debug, format: json }\n",
            Map.of("LOG_LEVEL", "WARN", "LOG_FORMAT", "human"));
    assertThat(config.logging().level()).isEqualTo(LoggingConfig.Level.WARN);

    try (Trinity trinity = offline(config)) {
      PROBE.info("host_info_probe");
      PROBE.warn("host_warn_probe");
    }

    List<String> lines = lines();
    assertThat(lines).noneMatch(l -> l.contains("host_info_probe"));
    assertThat(lines)
        .anySatisfy(
            l -> {
              assertThat(l).contains("host_warn_probe").doesNotStartWith("{");
            });
  }

  @Test
  void theTestingProfileFromTheEnvironmentKeepsOnlyWarnings() throws Exception {
    TrinityConfig config = Trinity.loadConfig(null, Map.of("LOG_PROFILE", "testing"));

    try (Trinity trinity = offline(config)) {
      PROBE.info("host_info_probe");
      PROBE.error("host_error_probe");
    }

    assertThat(lines())
        .noneMatch(l -> l.contains("host_info_probe"))
        .anyMatch(l -> l.contains("host_error_probe"));
  }

  @Test
  void withoutALoggingSectionTrinityLeavesTheHostsLoggingAlone() throws Exception {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> hosts = new ListAppender<>();
    hosts.setName("HOST");
    hosts.setContext(context);
    hosts.start();
    ch.qos.logback.classic.Logger root = context.getLogger(Logger.ROOT_LOGGER_NAME);
    root.addAppender(hosts);

    try (Trinity trinity = offline(Trinity.loadConfig(null, Map.of()))) {
      PROBE.warn("host_warn_probe");
    }

    assertThat(root.getAppender("HOST")).isSameAs(hosts);
    assertThat(hosts.list).anyMatch(e -> e.getMessage().equals("host_warn_probe"));
  }

  @Test
  void anUnknownLevelNamesTheKeyAndWhatIsAccepted() {
    assertThatThrownBy(() -> load("logging: { level: verbose }\n", Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("logging.level")
        .hasMessageContaining("debug")
        .hasMessageContaining("'verbose'");
    assertThatThrownBy(() -> Trinity.loadConfig(null, Map.of("LOG_FORMAT", "xml")))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("LOG_FORMAT (logging.format)")
        .hasMessageContaining("[human, json]");
    assertThatThrownBy(() -> load("logging: { colour: always }\n", Map.of()))
        .isInstanceOf(ConfigurationException.class)
        .hasMessageContaining("colour");
  }
}
