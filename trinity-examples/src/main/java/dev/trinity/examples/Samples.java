package dev.trinity.examples;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The sample portfolios bundled under {@code /samples/} on the classpath. Thread-safe. */
public final class Samples {
  private Samples() {}

  /**
   * The text of a bundled sample.
   *
   * @param name the file name, such as {@code layout-breaker.md}
   * @return its text
   * @throws IllegalArgumentException when no sample has that name
   * @throws UncheckedIOException when the sample cannot be read
   */
  public static String read(String name) {
    try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no bundled sample " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read sample " + name, e);
    }
  }
}
