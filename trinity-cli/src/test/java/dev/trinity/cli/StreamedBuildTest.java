package dev.trinity.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A build against an Ollama that streams shows the tokens generated so far on the bar; without the
 * bar the answers are asked whole, as before.
 */
class StreamedBuildTest {
  static final String PORTFOLIO = "# Ada Kowalska\n\n## Projects\n\n### pgwatch-lite\nStars: 412\n";

  static final String CONTENT =
      "{\"brand_name\":\"Ada Kowalska\","
          + "\"tagline\":\"Small, sharp tools for people who run PostgreSQL in production\","
          + "\"hero\":{\"title\":\"Observability without the noise or the pager\","
          + "\"subtitle\":\"Collectors, exporters and the occasional dashboard.\","
          + "\"cta_primary\":{\"label\":\"See the projects\",\"url\":\"#projects\"},"
          + "\"cta_secondary\":null},"
          + "\"repos\":["
          + "{\"name\":\"pgwatch-lite\",\"description\":\"PostgreSQL metrics collector.\","
          + "\"url\":\"https://github.com/adakowalska/pgwatch-lite\",\"stars\":412,"
          + "\"language\":\"Go\",\"tags\":[]}],"
          + "\"menu_items\":[{\"label\":\"Projects\",\"url\":\"#projects\"}],"
          + "\"cta\":null}";

  static final int PIECE = 20;
  static final int PIECES = (CONTENT.length() + PIECE - 1) / PIECE;

  @TempDir Path dir;
  final MockWebServer server = new MockWebServer();

  @BeforeEach
  void start() throws Exception {
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) {
            boolean streamed = request.getBody().utf8().contains("\"stream\":true");
            return streamed ? streamed() : whole();
          }
        });
    server.start();
  }

  @AfterEach
  void stop() throws Exception {
    server.close();
  }

  /** The content as Ollama streams it: NDJSON, one piece of {@link #PIECE} characters a line. */
  static MockResponse streamed() {
    ObjectMapper json = new ObjectMapper();
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < CONTENT.length(); i += PIECE) {
      String piece = CONTENT.substring(i, Math.min(CONTENT.length(), i + PIECE));
      body.append("{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":")
          .append(json.getNodeFactory().textNode(piece))
          .append("},\"done\":false}\n");
    }
    body.append(
        "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
            + "\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":100,"
            + "\"eval_count\":"
            + PIECES
            + "}\n");
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/x-ndjson")
        .chunkedBody(body.toString(), 64)
        .build();
  }

  /** Asked with {@code "stream": false}: the whole answer at once. */
  static MockResponse whole() {
    String body =
        "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":"
            + new ObjectMapper().getNodeFactory().textNode(CONTENT)
            + "},\"done\":true,\"done_reason\":\"stop\",\"prompt_eval_count\":100,"
            + "\"eval_count\":42}";
    return new MockResponse.Builder()
        .code(200)
        .addHeader("Content-Type", "application/json")
        .body(body)
        .build();
  }

  private Cli.Result build(Cli cli, String... more) throws Exception {
    Path portfolio = dir.resolve("ada.md");
    Files.writeString(portfolio, PORTFOLIO);
    Path config = dir.resolve("trinity.yaml");
    Files.writeString(config, "retry: { max_attempts: 1 }\n");
    String[] base = {
      "build-all",
      portfolio.toString(),
      "--themes",
      "hacker",
      "--config",
      config.toString(),
      "--provider",
      "ollama",
      "--url",
      server.url("/").toString(),
      "--out",
      dir.resolve("out").toString(),
      "--json-only"
    };
    String[] args = new String[base.length + more.length];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return cli.run(args);
  }

  @Test
  void theBarShowsTheTokensStreamedSoFar() throws Exception {
    Cli.Result r = build(Cli.in(dir).interactive());

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.out()).contains(" llm ").contains("1 of 1 built");
    assertThat(r.err()).contains(PIECES + " tokens · ada hacker").contains("\r");
    assertThat(server.takeRequest().getBody().utf8()).contains("\"stream\":true");
  }

  @Test
  void theBarForcedOffATerminalStreamsToo() throws Exception {
    Cli.Result r = build(Cli.in(dir), "--progress", "bar");

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains(PIECES + " tokens · ada hacker");
  }

  @Test
  void plainLinesAreUnchangedWhenNotOnATerminal() throws Exception {
    Cli.Result r = build(Cli.in(dir));

    assertThat(r.exitCode()).as(r.toString()).isZero();
    assertThat(r.err()).contains("Generating [1/1] ada hacker: llm, ").doesNotContain("tokens");
    assertThat(server.takeRequest().getBody().utf8()).contains("\"stream\":false");
  }
}
