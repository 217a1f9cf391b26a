package dev.trinity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.test.RedisServerProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

class DoctorCommandTest {
  static final String OLLAMA_TAGS =
      """
      {"models":[{"name":"llama3.2:3b","model":"llama3.2:3b","size":2019393189},
                 {"name":"qwen2.5:latest","model":"qwen2.5:latest","size":4683087332}]}
      """;
  static final String OPENAI_MODELS =
      """
      {"object":"list","data":[{"id":"gpt-4o-mini","object":"model"},{"id":"qwen2.5-7b-instruct","object":"model"}]}
      """;

  @TempDir Path dir;
  final MockWebServer server = new MockWebServer();
  Path bin;

  @BeforeEach
  void start() throws Exception {
    server.start();
    bin = Files.createDirectories(dir.resolve("bin"));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** A run whose PATH holds only the test's bin directory, so the Chromium check is ours. */
  private Cli cli() {
    return Cli.in(dir).env("PATH", bin.toString());
  }

  private String url() {
    return server.url("/").toString();
  }

  private static String line(Cli.Result r, String check) {
    return r.out().lines().filter(l -> l.matches("\\S+ +" + check + " .*")).findFirst().orElse("");
  }

  private static String fixAfter(Cli.Result r, String check) {
    var lines = r.out().lines().toList();
    for (int i = 0; i < lines.size() - 1; i++) {
      if (lines.get(i).matches("\\S+ +" + check + " .*")) {
        return lines.get(i + 1);
      }
    }
    return "";
  }

  @Test
  void ollamaWithTheModelPasses() throws Exception {
    server.enqueue(new MockResponse.Builder().body(OLLAMA_TAGS).build());

    Cli.Result r = cli().run("doctor", "--provider", "ollama", "--url", url());

    RecordedRequest request = server.takeRequest();
    assertThat(request.getMethod()).isEqualTo("GET");
    assertThat(request.getUrl().encodedPath()).isEqualTo("/api/tags");
    assertThat(line(r, "LLM server")).startsWith("ok").contains("has llama3.2:3b (2 models)");
    assertThat(line(r, "Java")).startsWith("ok").contains("Java " + Runtime.version().feature());
    assertThat(line(r, "cache directory")).startsWith("ok").contains("writable");
    assertThat(line(r, "Redis")).startsWith("skip");
    assertThat(r.exitCode()).as(r.toString()).isZero();
  }

  @Test
  void anUntaggedModelNameMeansLatest() {
    server.enqueue(new MockResponse.Builder().body(OLLAMA_TAGS).build());

    Cli.Result r =
        cli().run("doctor", "--provider", "ollama", "--url", url(), "--model", "qwen2.5");

    assertThat(line(r, "LLM server")).startsWith("ok").contains("has qwen2.5");
  }

  @Test
  void ollamaWithoutTheModelFailsAndSaysToPullIt() {
    server.enqueue(new MockResponse.Builder().body(OLLAMA_TAGS).build());

    Cli.Result r =
        cli().run("doctor", "--provider", "ollama", "--url", url(), "--model", "mistral:7b");

    assertThat(r.exitCode()).isEqualTo(TrinityCli.ITEMS_FAILED);
    assertThat(line(r, "LLM server"))
        .startsWith("FAIL")
        .contains("no model 'mistral:7b'")
        .contains("has: llama3.2:3b, qwen2.5:latest");
    assertThat(fixAfter(r, "LLM server")).contains("-> run 'ollama pull mistral:7b'");
    assertThat(r.out()).contains("1 check failed.");
  }

  @Test
  void aServerThatIsNotOllamaFails() {
    server.enqueue(new MockResponse.Builder().code(404).body("not found").build());

    Cli.Result r = cli().run("doctor", "--provider", "ollama", "--url", url());

    assertThat(line(r, "LLM server")).startsWith("FAIL").contains("answered HTTP 404");
    assertThat(fixAfter(r, "LLM server")).contains("points at an Ollama server");
  }

  @Test
  void nothingAnsweringFailsWithWhatToDo() throws Exception {
    int port = BuildCommandTest.closedPort();

    Cli.Result r = cli().run("doctor", "--url", "http://127.0.0.1:" + port);

    assertThat(r.exitCode()).isEqualTo(TrinityCli.ITEMS_FAILED);
    assertThat(line(r, "LLM server"))
        .startsWith("FAIL")
        .contains("nothing answers at http://127.0.0.1:" + port)
        .contains("connection refused");
    assertThat(fixAfter(r, "LLM server")).contains("ollama serve").contains("--provider offline");
  }

  @Test
  void openAiCompatibleServerListsTheModelAndGetsTheKey() throws Exception {
    server.enqueue(new MockResponse.Builder().body(OPENAI_MODELS).build());

    Cli.Result r =
        cli()
            .env("LLM_API_KEY", "sk-test-1")
            .run(
                "doctor",
                "--provider",
                "openai",
                "--url",
                url() + "v1",
                "--model",
                "qwen2.5-7b-instruct");

    RecordedRequest request = server.takeRequest();
    assertThat(request.getUrl().encodedPath()).isEqualTo("/v1/models");
    assertThat(request.getHeaders().get("Authorization")).isEqualTo("Bearer sk-test-1");
    assertThat(line(r, "LLM server"))
        .startsWith("ok")
        .contains("has qwen2.5-7b-instruct (2 models)");
    assertThat(r.out()).doesNotContain("sk-test-1");
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void openAiWithoutTheModelFails() throws Exception {
    server.enqueue(new MockResponse.Builder().body(OPENAI_MODELS).build());

    Cli.Result r = cli().run("doctor", "--provider", "openai", "--url", url(), "--model", "gpt-5");

    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/v1/models");
    assertThat(line(r, "LLM server")).startsWith("FAIL").contains("no model 'gpt-5'");
    assertThat(fixAfter(r, "LLM server")).contains("LLM_MODEL / --model");
  }

  @Test
  void openAiRefusingTheKeyFailsAndNamesTheVariable() {
    server.enqueue(new MockResponse.Builder().code(401).body("{\"error\":{}}").build());

    Cli.Result r = cli().run("doctor", "--provider", "openai", "--url", url());

    assertThat(line(r, "LLM server")).startsWith("FAIL").contains("HTTP 401");
    assertThat(fixAfter(r, "LLM server")).contains("set LLM_API_KEY");
  }

  @Test
  void llamaCppHealthIsChecked() throws Exception {
    server.enqueue(new MockResponse.Builder().body("{\"status\":\"ok\"}").build());
    server.enqueue(
        new MockResponse.Builder().code(503).body("{\"status\":\"loading model\"}").build());

    Cli.Result ready = cli().run("doctor", "--provider", "llamacpp", "--url", url());
    Cli.Result loading = cli().run("doctor", "--provider", "llamacpp", "--url", url());

    assertThat(server.takeRequest().getUrl().encodedPath()).isEqualTo("/health");
    assertThat(line(ready, "LLM server")).startsWith("ok").contains("is ready");
    assertThat(line(loading, "LLM server")).startsWith("FAIL").contains("HTTP 503");
  }

  @Test
  void theOfflineProviderNeedsNoServer() {
    Cli.Result r = cli().run("doctor", "--provider", "offline");

    assertThat(line(r, "LLM server")).startsWith("ok").contains("offline provider");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void quickRunsOnlyTheLocalChecksAndNoNetwork() throws Exception {
    Cli.Result r = cli().run("doctor", "--quick", "--provider", "ollama", "--url", url());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out().lines().filter(l -> l.startsWith("ok ")).map(l -> l.split("  +")[1]))
        .containsExactly("Java", "configuration", "cache directory");
    assertThat(r.out()).endsWith("All checks passed.\n");
    assertThat(server.getRequestCount()).isZero();
  }

  @Test
  void anUnwritableCacheDirectoryFails() throws Exception {
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");

    Cli.Result r =
        cli().env("CACHE_DIR", notADirectory.resolve("llm").toString()).run("doctor", "--quick");

    assertThat(r.exitCode()).isEqualTo(TrinityCli.ITEMS_FAILED);
    assertThat(line(r, "cache directory")).startsWith("FAIL").contains("is not writable");
    assertThat(fixAfter(r, "cache directory")).contains("CACHE_DIR");
  }

  @Test
  void chromiumFoundOnThePathWithItsDriver() throws Exception {
    executable("chromium", "echo 'Chromium 156.0.8078.108 built on Debian'");
    executable("chromedriver", "true");

    Cli.Result r = cli().run("doctor", "--provider", "offline");

    assertThat(line(r, "Chromium"))
        .startsWith("ok")
        .contains("Chromium 156.0.8078.108")
        .contains(bin.resolve("chromium").toString());
    assertThat(r.exitCode()).isZero();
  }

  @Test
  void chromiumMissingIsAWarningNotAFailure() {
    Cli.Result r = cli().run("doctor", "--provider", "offline");

    assertThat(line(r, "Chromium")).startsWith("warn").contains("no Chromium on the PATH");
    assertThat(fixAfter(r, "Chromium")).contains("apt-get install chromium chromium-driver");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("All checks passed (1 warning).");
  }

  @Test
  void chromiumWithoutItsDriverIsAWarning() throws Exception {
    executable("chromium", "echo 'Chromium 156.0.8078.108'");

    Cli.Result r = cli().run("doctor", "--provider", "offline");

    assertThat(line(r, "Chromium")).startsWith("warn").contains("no chromedriver");
  }

  @Test
  void unreachableRedisFailsWhenConfigured() throws Exception {
    Path config = dir.resolve("trinity.yaml");
    Files.writeString(config, "cache: { tiers: [memory, redis] }\n");
    int port = BuildCommandTest.closedPort();

    Cli.Result r =
        cli()
            .env("CACHE_REDIS_PORT", "" + port)
            .run("doctor", "--config", config.toString(), "--provider", "offline");

    assertThat(r.exitCode()).isEqualTo(TrinityCli.ITEMS_FAILED);
    assertThat(line(r, "Redis")).startsWith("FAIL").contains("localhost:" + port);
    assertThat(fixAfter(r, "Redis")).contains("start Redis").contains("CACHE_REDIS_HOST");
  }

  @Nested
  class WithRedis {
    @RegisterExtension
    static final RedisServerProcess redis = RedisServerProcess.withPassword("s3cret");

    @Test
    void reachableRedisPassesAndThePasswordStaysHidden() throws Exception {
      Path config = dir.resolve("trinity.yaml");
      Files.writeString(config, "cache: { tiers: [memory, redis], redis: { host: 127.0.0.1 } }\n");

      Cli.Result ok =
          cli()
              .env("CACHE_REDIS_PORT", "" + redis.port())
              .env("CACHE_REDIS_PASSWORD", "s3cret")
              .run("doctor", "--config", config.toString(), "--provider", "offline");
      Cli.Result wrong =
          cli()
              .env("CACHE_REDIS_PORT", "" + redis.port())
              .env("CACHE_REDIS_PASSWORD", "guess")
              .run("doctor", "--config", config.toString(), "--provider", "offline");

      assertThat(line(ok, "Redis"))
          .startsWith("ok")
          .containsPattern("Redis \\d+\\.\\d+")
          .contains("127.0.0.1:" + redis.port());
      assertThat(ok.exitCode()).as(ok.toString()).isZero();
      assertThat(line(wrong, "Redis")).startsWith("FAIL");
      assertThat(wrong.out() + wrong.err()).doesNotContain("guess").doesNotContain("s3cret");
    }
  }

  private void executable(String name, String body) throws Exception {
    Path f = bin.resolve(name);
    Files.writeString(f, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
