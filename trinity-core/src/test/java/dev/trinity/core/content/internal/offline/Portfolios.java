package dev.trinity.core.content.internal.offline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The sample portfolios under src/test/resources/portfolios. */
final class Portfolios {
  private Portfolios() {}

  static String read(String name) {
    try (InputStream in = Portfolios.class.getResourceAsStream("/portfolios/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test portfolio " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
