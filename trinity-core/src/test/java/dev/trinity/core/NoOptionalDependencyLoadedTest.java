package dev.trinity.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Micrometer and OpenTelemetry are optional: no class outside the packages that use them refers to
 * them, so without them on the class path nothing of theirs is ever loaded. Checked on the compiled
 * classes' constant pools, where every class a class refers to is named.
 */
class NoOptionalDependencyLoadedTest {

  @Test
  void onlyTheMetricsAndTracingPackagesReferToMicrometerOrOpenTelemetry() throws Exception {
    Path classes = classesDir();
    List<Path> all;
    try (Stream<Path> files = Files.walk(classes)) {
      all = files.filter(p -> p.toString().endsWith(".class")).toList();
    }
    assertThat(all).hasSizeGreaterThan(100);
    List<String> offenders =
        all.stream()
            .filter(p -> !p.startsWith(classes.resolve("dev/trinity/core/metrics")))
            .filter(p -> !p.startsWith(classes.resolve("dev/trinity/core/tracing")))
            .filter(NoOptionalDependencyLoadedTest::refersToOptional)
            .map(p -> classes.relativize(p).toString())
            .toList();
    assertThat(offenders).isEmpty();
    // the check would see a reference: the metrics package has them
    assertThat(refersToOptional(classes.resolve("dev/trinity/core/metrics/TrinityMetrics.class")))
        .isTrue();
  }

  private static boolean refersToOptional(Path classFile) {
    try {
      String pool = new String(Files.readAllBytes(classFile), StandardCharsets.ISO_8859_1);
      return pool.contains("io/micrometer") || pool.contains("io/opentelemetry");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static Path classesDir() throws URISyntaxException {
    return Path.of(Trinity.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
