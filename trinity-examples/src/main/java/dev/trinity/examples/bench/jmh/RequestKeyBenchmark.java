package dev.trinity.examples.bench.jmh;

import dev.trinity.api.CachePolicy;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.ResponseFormat;
import dev.trinity.core.internal.cache.RequestKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The cache key of a request with a 30 KB prompt ({@link RequestKeys#of}: canonical encoding and
 * SHA-256), beside the SHA-256 of the prompt's UTF-8 bytes alone, which is the floor. The prompt is
 * portfolio-like text: {@code ascii} is plain ASCII; {@code unicode} has accents and dashes, which
 * makes the JDK store the string as UTF-16 and encode it character by character.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RequestKeyBenchmark {
  private static final int PROMPT_BYTES = 30 * 1024;

  /** The kind of text in the prompt. */
  @Param({"ascii", "unicode"})
  public String text;

  private LlmRequest request;
  private byte[] promptBytes;
  private MessageDigest sha256;

  /** Builds the request. */
  @Setup
  public void setUp() throws NoSuchAlgorithmException {
    String line =
        text.equals("ascii")
            ? "Ada Lovelace, backend engineer. Built a payments ledger in Rust that settles"
                + " 40k transactions a second; mentors juniors; writes about Postgres.\n"
            : "Zoë Müller — ingénieure backend. A construit un registre de paiements en Rust"
                + " (40 k transactions/s) ; mentore les juniors ; écrit sur Postgres.\n";
    StringBuilder prompt = new StringBuilder(PROMPT_BYTES + line.length());
    while (prompt.toString().getBytes(StandardCharsets.UTF_8).length < PROMPT_BYTES) {
      prompt.append(line);
    }
    request =
        LlmRequest.builder()
            .model("llama3.2:3b")
            .systemPrompt("You write website copy for developer portfolios. Answer with JSON.")
            .prompt(prompt.toString())
            .temperature(0.7)
            .responseFormat(ResponseFormat.json())
            .cachePolicy(CachePolicy.USE)
            .build();
    promptBytes = prompt.toString().getBytes(StandardCharsets.UTF_8);
    sha256 = MessageDigest.getInstance("SHA-256");
  }

  /** Trinity's cache key of the request. */
  @Benchmark
  public String requestKey() {
    return RequestKeys.of("ollama", "http://localhost:11434", request);
  }

  /** SHA-256 of the prompt's bytes, already encoded: the least any content hash can cost. */
  @Benchmark
  public byte[] sha256OfPromptBytes() {
    sha256.reset();
    return sha256.digest(promptBytes);
  }
}
