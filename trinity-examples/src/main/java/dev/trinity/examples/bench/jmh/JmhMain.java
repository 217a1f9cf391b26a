package dev.trinity.examples.bench.jmh;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the microbenchmarks of this package with a configuration short enough for a 2-core machine
 * (about two minutes in all): 1 fork, 3 warm-up and 5 measurement iterations of 1 s each.
 *
 * <p>Run: {@code mvn -B -q -o -pl trinity-examples exec:java
 * -Dexec.mainClass=dev.trinity.examples.bench.jmh.JmhMain [-Dexec.args=RequestKey]}; the optional
 * argument is a regular expression that selects benchmarks. For JMH's own options, run {@code
 * org.openjdk.jmh.Main} instead.
 */
public final class JmhMain {
  private JmhMain() {}

  /**
   * Runs the benchmarks.
   *
   * @param args an optional regular expression selecting benchmarks (default: all of this package)
   * @throws RunnerException when a benchmark fails
   */
  public static void main(String[] args) throws RunnerException {
    useLoaderClasspathForForks();
    Options options =
        new OptionsBuilder()
            .include(args.length > 0 ? args[0] : JmhMain.class.getPackageName() + "\\..*")
            .forks(1)
            .warmupIterations(3)
            .warmupTime(TimeValue.seconds(1))
            .measurementIterations(5)
            .measurementTime(TimeValue.seconds(1))
            .shouldFailOnError(true)
            .build();
    new Runner(options).run();
  }

  /**
   * JMH starts each fork with this JVM's {@code java.class.path}. Under {@code mvn exec:java} that
   * is Maven's launcher, while the project's classes come from a class loader; hand the forks that
   * loader's path instead.
   */
  private static void useLoaderClasspathForForks() {
    if (!(Thread.currentThread().getContextClassLoader() instanceof URLClassLoader loader)) {
      return;
    }
    List<String> entries = new ArrayList<>();
    for (URL url : loader.getURLs()) {
      try {
        entries.add(Paths.get(url.toURI()).toString());
      } catch (URISyntaxException | IllegalArgumentException e) {
        return; // not a plain file path: leave the class path alone
      }
    }
    String own = JmhMain.class.getProtectionDomain().getCodeSource().getLocation().getPath();
    if (!entries.isEmpty() && !System.getProperty("java.class.path", "").contains(own)) {
      System.setProperty("java.class.path", String.join(File.pathSeparator, entries));
    }
  }
}
