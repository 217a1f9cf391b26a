package dev.trinity.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Logback is optional: {@link MdcSnapshot} reads the MDC through Logback's read-only view when
 * Logback is the backend, and must load and work when it is not on the class path at all.
 */
class MdcWithoutLogbackTest {

  @Test
  void snapshotsWorkWhenLogbackIsNotOnTheClassPath() throws Exception {
    List<URL> urls = new ArrayList<>();
    String cp =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    for (String entry : cp.split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    try (HidingClassLoader hiding = new HidingClassLoader(urls.toArray(URL[]::new))) {
      Class<?> probe = hiding.loadClass(Probe.class.getName());
      assertThat(probe.getClassLoader()).isSameAs(hiding);
      Thread thread = Thread.currentThread();
      ClassLoader before = thread.getContextClassLoader();
      Object outcome;
      thread.setContextClassLoader(hiding);
      try {
        outcome = probe.getMethod("run").invoke(null);
      } finally {
        thread.setContextClassLoader(before);
      }
      assertThat(outcome).isEqualTo("captured={} with={correlation_id=c-1} scopes=closed");
      assertThat(hiding.refused).anyMatch(name -> name.startsWith("ch.qos.logback."));
    }
  }

  /** Runs inside the hiding class loader. */
  public static final class Probe {
    private Probe() {}

    /**
     * Captures, extends, applies and closes snapshots.
     *
     * @return what it saw
     */
    public static String run() {
      MdcSnapshot captured = MdcSnapshot.capture();
      MdcSnapshot call = captured.with(CorrelationContext.MDC_KEY, "c-1");
      try (MdcSnapshot.Scope outer = call.apply()) {
        try (MdcSnapshot.Scope inner = call.apply()) {
          MdcSnapshot.Scope.none().close();
        }
      }
      return "captured="
          + captured.asMap()
          + " with="
          + Map.copyOf(call.asMap())
          + " scopes=closed";
    }
  }

  /** Loads everything itself from the test's class path, except Logback. */
  private static final class HidingClassLoader extends URLClassLoader {
    final List<String> refused = new java.util.concurrent.CopyOnWriteArrayList<>();

    HidingClassLoader(URL[] urls) {
      super(urls, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (name.startsWith("ch.qos.logback.") || name.startsWith("net.logstash.")) {
        refused.add(name);
        throw new ClassNotFoundException(name + " is hidden");
      }
      return super.loadClass(name, resolve);
    }
  }
}
