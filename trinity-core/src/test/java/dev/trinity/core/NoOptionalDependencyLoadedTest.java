package dev.trinity.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

  @Test
  void trinityRunsWithAListenerWhenMicrometerAndOpenTelemetryAreNotOnTheClassPath()
      throws Exception {
    List<URL> urls = new ArrayList<>();
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    for (String entry : cp.split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    try (URLClassLoader hiding = new HidingClassLoader(urls.toArray(URL[]::new))) {
      Class<?> probe = hiding.loadClass(WithoutMicrometerProbe.class.getName());
      assertThat(probe.getClassLoader()).isSameAs(hiding); // not the test's own copy
      Thread thread = Thread.currentThread();
      ClassLoader before = thread.getContextClassLoader();
      Object outcome;
      thread.setContextClassLoader(hiding); // service lookups (providers, SLF4J) see its classes
      try {
        outcome = probe.getMethod("run").invoke(null);
      } finally {
        thread.setContextClassLoader(before);
      }
      assertThat(outcome).isEqualTo("hidden=true text=fine completed=1");
    }
  }

  /** Loads everything itself, from the test's class path, except Micrometer and OpenTelemetry. */
  private static final class HidingClassLoader extends URLClassLoader {
    HidingClassLoader(URL[] urls) {
      super(urls, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("io.micrometer.") || name.startsWith("io.opentelemetry.")) {
        throw new ClassNotFoundException(name + " is hidden");
      }
      return super.loadClass(name, resolve);
    }
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
