package dev.trinity.core.content;

import static dev.trinity.core.PipelineHarness.failureOf;
import static dev.trinity.core.PipelineHarness.kv;
import static dev.trinity.core.PipelineHarness.resultOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import dev.trinity.api.InvalidInputException;
import dev.trinity.api.content.AsyncContentEngine;
import dev.trinity.api.content.ContentRequest;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.core.PipelineHarness;
import dev.trinity.core.PipelineHarness.Wire;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad portfolios fail before anything is sent, naming the input and what is wrong with it. */
class ContentInputTest {
  @TempDir Path dir;
  PipelineHarness h;
  AsyncContentEngine engine;

  @BeforeEach
  void start() {
    h = new PipelineHarness(Wire.OLLAMA);
    engine = h.engine(b -> b.maxInputBytes(4096));
  }

  @AfterEach
  void stop() {
    h.close();
  }

  InvalidInputException rejected(ContentRequest request) {
    Throwable async = failureOf(engine.generateAsync(request));
    InvalidInputException sync =
        catchThrowableOfType(InvalidInputException.class, () -> engine.sync().generate(request));
    assertThat(async).isInstanceOf(InvalidInputException.class);
    assertThat(sync).hasMessage(async.getMessage());
    assertThat(h.server.getRequestCount()).isZero();
    return sync;
  }

  InvalidInputException rejected(Path file) {
    InvalidInputException e = rejected(ContentRequest.of(file, "brutalist"));
    assertThat(e.input()).isEqualTo(file.toString());
    assertThat(e.getMessage()).startsWith(file.toString() + ": ");
    return e;
  }

  @Test
  void aMissingFile() {
    assertThat(rejected(dir.resolve("nope.md"))).hasMessageEndingWith(": does not exist");
  }

  @Test
  void aDirectory() {
    assertThat(rejected(dir)).hasMessageEndingWith(": is a directory, not a portfolio file");
  }

  @Test
  void anUnreadableFile() throws Exception {
    Path file = Files.writeString(dir.resolve("secret.md"), "# Ada\n");
    assumeTrue(
        Files.getFileStore(file).supportsFileAttributeView("posix"), "needs POSIX permissions");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("---------"));
    assumeFalse(Files.isReadable(file), "runs as a user who can read anything (root)");

    assertThat(rejected(file)).hasMessageEndingWith(": is not readable (permission denied)");
  }

  @Test
  void anEmptyFile() throws Exception {
    assertThat(rejected(Files.createFile(dir.resolve("empty.md"))))
        .hasMessageEndingWith(": is empty");
  }

  @Test
  void aFileOfOnlyWhiteSpace() throws Exception {
    assertThat(rejected(Files.writeString(dir.resolve("blank.md"), " \n\t\n")))
        .hasMessageEndingWith(": is empty (only white space)");
  }

  @Test
  void aBinaryFile() throws Exception {
    Path file =
        Files.write(dir.resolve("photo.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1});

    assertThat(rejected(file))
        .hasMessageEndingWith(": contains NUL bytes: it looks like a binary file, not text");
  }

  @Test
  void aFileThatIsNotUtf8() throws Exception {
    Path file =
        Files.write(dir.resolve("latin1.txt"), new byte[] {'c', 'a', 'f', (byte) 0xE9, '\n'});

    assertThat(rejected(file))
        .hasMessageEndingWith(": is not valid UTF-8 text (bad byte sequence at byte 3)");
  }

  @Test
  void aFileOverTheSizeLimit() throws Exception {
    Path file = Files.writeString(dir.resolve("huge.md"), "x".repeat(5000));

    assertThat(rejected(file))
        .hasMessageEndingWith(": is 5000 bytes; portfolios are limited to 4096 bytes");
  }

  @Test
  void emptyTextNamesItsInput() {
    InvalidInputException e =
        rejected(ContentRequest.builder().portfolioText("", "upload #7").theme("hacker").build());

    assertThat(e.input()).isEqualTo("upload #7");
    assertThat(e).hasMessage("upload #7: is empty");
  }

  @Test
  void binaryText() {
    InvalidInputException e = rejected(ContentRequest.ofText("abc\0def", "hacker"));

    assertThat(e)
        .hasMessage("portfolio text: contains NUL bytes: it looks like a binary file, not text");
  }

  @Test
  void anUnknownTheme() throws Exception {
    Path file = Files.writeString(dir.resolve("ok.md"), PipelineHarness.PORTFOLIO);

    InvalidInputException e = rejected(ContentRequest.of(file, "vaporwave"));

    assertThat(e.input()).isEqualTo("theme");
    assertThat(e.getMessage()).contains("unknown theme 'vaporwave'").contains("brutalist");
  }

  @Test
  void aGoodFileIsRead() throws Exception {
    Path file = Files.writeString(dir.resolve("ada.md"), PipelineHarness.PORTFOLIO);
    h.server.enqueue(h.answer(PipelineHarness.VALID));

    GeneratedContent result = resultOf(engine.generateAsync(file, "minimalist"));

    assertThat(result.content().brandName()).isEqualTo("Ada Kowalska");
  }

  @Test
  void aLongPortfolioIsTrimmedToTheBudgetWithAWarning() {
    String portfolio = PipelineHarness.PORTFOLIO + "filler line of the portfolio\n".repeat(2_000);
    h.server.enqueue(h.answer(PipelineHarness.VALID));
    AsyncContentEngine big = h.engine(b -> b.maxPortfolioChars(30_000));

    GeneratedContent result =
        resultOf(
            big.generateAsync(
                ContentRequest.builder()
                    .portfolioText(portfolio, "big.md")
                    .theme("hacker")
                    .build()));

    int original = portfolio.length();
    assertThat(result.warnings())
        .singleElement()
        .asString()
        .startsWith("input trimmed from " + original + " to ");
    ILoggingEvent warn = h.events("content_input_trimmed").get(0);
    assertThat(warn.getLevel()).isEqualTo(Level.WARN);
    assertThat(kv(warn, "input")).isEqualTo("big.md");
    assertThat(kv(warn, "original_chars")).isEqualTo(original);
    assertThat((Integer) kv(warn, "kept_chars")).isBetween(27_000, 30_000);
    String user =
        h.messages(h.takeBody()).stream()
            .filter(m -> m.getKey().equals("user"))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElseThrow();
    assertThat(user.length()).isLessThan(30_000 + 200);
  }
}
