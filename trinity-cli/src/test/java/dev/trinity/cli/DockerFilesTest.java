package dev.trinity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No Docker engine or registry is reachable where this runs, so the image is not built here. This
 * checks what can be checked: the compose file parses and wires the services as the README says,
 * the Dockerfile has its stages, user, volumes, environment, health check and entry point, and the
 * commands they run are real commands of the CLI.
 */
class DockerFilesTest {
  static Path root;
  static JsonNode services;
  static JsonNode compose;
  static String dockerfile;

  @TempDir Path dir;

  @BeforeAll
  static void read() throws IOException {
    root = Path.of("").toAbsolutePath();
    while (root != null && !Files.exists(root.resolve("docker-compose.yml"))) {
      root = root.getParent();
    }
    assertThat(root).as("docker-compose.yml above the module").isNotNull();
    compose =
        new ObjectMapper(new YAMLFactory()).readTree(root.resolve("docker-compose.yml").toFile());
    services = compose.path("services");
    dockerfile = Files.readString(root.resolve("Dockerfile"));
  }

  @Test
  void composeRunsTrinityWithOllamaAndRedis() {
    assertThat(services.path("ollama").path("image").asText()).startsWith("ollama/ollama");
    assertThat(services.path("redis").path("image").asText()).isEqualTo("redis:7-alpine");
    assertThat(texts(services.path("ollama").path("ports"))).contains("11434:11434");
    assertThat(texts(services.path("redis").path("ports"))).contains("6379:6379");
    assertThat(texts(services.path("ollama").path("volumes")))
        .contains("ollama-models:/root/.ollama");
    assertThat(compose.path("volumes").has("ollama-models")).isTrue();
    assertThat(compose.path("volumes").has("trinity-cache")).isTrue();
  }

  @Test
  void everyLongRunningServiceHasAHealthCheck() {
    for (String name : List.of("ollama", "redis", "trinity", "trinity-chromium")) {
      assertThat(texts(services.path(name).path("healthcheck").path("test")))
          .as(name + " health check")
          .startsWith("CMD")
          .hasSizeGreaterThan(1);
    }
    assertThat(texts(services.path("redis").path("healthcheck").path("test")))
        .containsExactly("CMD", "redis-cli", "ping");
    assertThat(texts(services.path("trinity").path("healthcheck").path("test")))
        .containsExactly("CMD", "trinity", "doctor", "--quick");
  }

  @Test
  void trinityWaitsForHealthyDependenciesAndTalksToThemByServiceName() {
    for (String name : List.of("trinity", "trinity-chromium")) {
      JsonNode t = services.path(name);
      assertThat(t.path("depends_on").path("ollama").path("condition").asText())
          .isEqualTo("service_healthy");
      assertThat(t.path("depends_on").path("redis").path("condition").asText())
          .isEqualTo("service_healthy");
      assertThat(t.path("depends_on").path("ollama-pull").path("condition").asText())
          .isEqualTo("service_completed_successfully");
      JsonNode env = t.path("environment");
      assertThat(env.path("LLM_API_URL").asText()).isEqualTo("http://ollama:11434");
      assertThat(env.path("LLM_PROVIDER").asText()).isEqualTo("ollama");
      assertThat(env.path("CACHE_REDIS_HOST").asText()).isEqualTo("redis");
      assertThat(env.path("CACHE_REDIS_PORT").asText()).isEqualTo("6379");
      assertThat(env.path("LOG_PROFILE").asText()).isEqualTo("production");
      assertThat(texts(t.path("volumes")))
          .contains("./output:/app/output", "trinity-cache:/app/.cache");
    }
    assertThat(
            services
                .path("ollama-pull")
                .path("depends_on")
                .path("ollama")
                .path("condition")
                .asText())
        .isEqualTo("service_healthy");
    assertThat(texts(services.path("ollama-pull").path("entrypoint"))).startsWith("ollama", "pull");
  }

  @Test
  void theChromiumVariantIsAnOptInProfileBuiltFromItsStage() {
    JsonNode c = services.path("trinity-chromium");
    assertThat(texts(c.path("profiles"))).containsExactly("chromium");
    assertThat(c.path("build").path("target").asText()).isEqualTo("chromium");
    assertThat(services.path("trinity").path("build").path("target").asText()).isEqualTo("runtime");
    assertThat(dockerfile).containsPattern("(?m)^FROM \\S+ AS chromium$");
    assertThat(stage("chromium")).contains("chromium chromium-driver");
  }

  @Test
  void theDockerfileBuildsOnAJdkAndRunsOnAJreAsANonRootUser() {
    assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17-jdk AS build$");
    assertThat(dockerfile).containsPattern("(?m)^FROM eclipse-temurin:17-jre AS runtime$");
    assertThat(stage("build")).contains("./mvnw -B -q -pl trinity-cli -am package -DskipTests");
    String runtime = stage("runtime");
    assertThat(runtime)
        .contains("COPY --from=build /src/trinity-cli/target/trinity.jar /app/trinity.jar");
    assertThat(runtime).containsPattern("(?m)^USER trinity$");
    assertThat(runtime).contains("useradd --system");
    assertThat(runtime).contains("VOLUME [\"/app/output\", \"/app/.cache\"]");
    for (String variable :
        List.of(
            "LLM_PROVIDER",
            "LLM_API_URL",
            "LLM_MODEL",
            "CACHE_DIR",
            "CACHE_REDIS_HOST",
            "CACHE_REDIS_PORT",
            "LOG_PROFILE",
            "TRINITY_CONFIG")) {
      assertThat(runtime)
          .as("ENV " + variable)
          .containsPattern("(?m)^(ENV |\\s+)" + variable + "=");
    }
    assertThat(runtime)
        .containsPattern(
            "(?m)^HEALTHCHECK .*\\\\\\n\\s+CMD \\[\"trinity\", \"doctor\", \"--quick\"]");
    assertThat(runtime).containsPattern("(?m)^ENTRYPOINT \\[\"trinity\"]$");
    assertThat(dockerfile.strip()).endsWith("FROM runtime");
  }

  @Test
  void theShadePluginWritesTheJarTheDockerfileCopies() throws IOException {
    String pom = Files.readString(root.resolve("trinity-cli/pom.xml"));
    assertThat(pom).contains("<outputFile>${project.build.directory}/trinity.jar</outputFile>");
  }

  @Test
  void theContextLeavesOutBuildOutputAndGit() throws IOException {
    List<String> ignored = Files.readAllLines(root.resolve(".dockerignore"));
    assertThat(ignored).contains("**/target/", ".git/", "output/", ".cache/", "logs/");
  }

  @Test
  void theCommandsTheImageRunsAreRealCommands() throws IOException {
    Path config = root.resolve("docker/trinity.yaml");
    assertThat(dockerfile).contains("COPY docker/trinity.yaml /app/config/trinity.yaml");

    Cli.Result health = Cli.in(dir).env("TRINITY_CONFIG", config.toString()).run(cmdAfterTrinity());
    Cli.Result shown = Cli.in(dir).env("TRINITY_CONFIG", config.toString()).run("config", "show");
    List<String> command = texts(services.path("trinity").path("command"));
    Cli.Result help = Cli.in(dir).run(append(command, "--help"));

    assertThat(health.exitCode()).as(health.toString()).isZero();
    assertThat(shown.out()).containsPattern("cache.tiers +\\[memory, redis, filesystem] +file ");
    assertThat(help.exitCode()).as(help.toString()).isZero();
    assertThat(help.out()).startsWith("Usage: trinity build-all");
  }

  private static String[] cmdAfterTrinity() {
    Matcher m = Pattern.compile("CMD \\[\"trinity\", ([^]]*)]").matcher(stage("runtime"));
    assertThat(m.find()).isTrue();
    return Pattern.compile("\"\\s*,\\s*\"").split(m.group(1).replaceAll("^\"|\"$", ""));
  }

  private static String[] append(List<String> words, String last) {
    List<String> all = new ArrayList<>(words);
    all.add(last);
    return all.toArray(String[]::new);
  }

  /** The Dockerfile text from {@code FROM … AS name} to the next FROM. */
  private static String stage(String name) {
    Matcher m =
        Pattern.compile("(?ms)^FROM \\S+ AS " + name + "$(.*?)(?=^FROM |\\z)").matcher(dockerfile);
    assertThat(m.find()).as("stage " + name).isTrue();
    return m.group(1);
  }

  private static List<String> texts(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }
}
