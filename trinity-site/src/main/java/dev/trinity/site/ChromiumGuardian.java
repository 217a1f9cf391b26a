package dev.trinity.site;

import dev.trinity.site.internal.GuardianEvents;
import dev.trinity.site.internal.PageFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.WeakHashMap;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A {@link LayoutGuardian} that loads pages in a real headless Chromium, driven by Selenium through
 * the operating system's {@code chromedriver}. Nothing is downloaded: the browser and driver paths
 * are explicit (Debian's {@code chromium} and {@code chromium-driver} by default).
 *
 * <p>The browser starts once, in {@link #create()}, with networking, updates and sync turned off
 * and a fresh profile directory, and is reused for every check; each viewport is one script call
 * that returns every overflow. {@link #close()} quits the browser and deletes the profile; a JVM
 * shutdown hook does the same if the host forgets.
 *
 * <p>Thread-safe: checks and screenshots are serialised (one browser, one page at a time).
 */
public final class ChromiumGuardian implements LayoutGuardian {
  /** Debian's Chromium. */
  public static final Path DEFAULT_BROWSER = Path.of("/usr/bin/chromium");

  /** Debian's chromedriver (package {@code chromium-driver}). */
  public static final Path DEFAULT_DRIVER = Path.of("/usr/bin/chromedriver");

  /** The guardian's name in reports. */
  public static final String NAME = "chromium";

  /** The flags Chromium is started with (plus a fresh {@code --user-data-dir}). */
  public static final List<String> FLAGS =
      List.of(
          "--headless",
          "--no-sandbox",
          "--disable-gpu",
          "--disable-quic",
          "--no-first-run",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--disable-dev-shm-usage",
          "--hide-scrollbars",
          "--mute-audio");

  private static final String CHECK_SCRIPT = readScript();

  /**
   * Selenium looks for a DevTools binding matching the browser's version at start-up and warns when
   * it has none (Chromium 156 is newer than Selenium 4.52's bindings). The guardian only sends
   * DevTools commands through chromedriver, which needs no binding, so the warning is silenced; the
   * reference keeps the logger (and its level) from being garbage-collected.
   */
  private static final java.util.logging.Logger CDP_VERSION_FINDER =
      java.util.logging.Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

  static {
    CDP_VERSION_FINDER.setLevel(java.util.logging.Level.SEVERE);
  }

  private final ChromeDriver driver;
  private final ChromeDriverService service;
  private final Path profile;
  private final Path pages;
  private final boolean deviceMetrics;
  private final Thread shutdownHook;
  private boolean closed;
  private int pageCounter;
  private final Map<AssetKey, Path> assetDirs = new HashMap<>();

  private ChromiumGuardian(Builder b) {
    if (!Files.isExecutable(b.browser)) {
      throw new SiteException("Chromium is not installed at " + b.browser);
    }
    if (!Files.isExecutable(b.driver)) {
      throw new SiteException("chromedriver is not installed at " + b.driver);
    }
    this.deviceMetrics = b.deviceMetrics;
    try {
      this.profile = Files.createTempDirectory("trinity-chromium-profile-");
      this.pages = Files.createTempDirectory("trinity-chromium-pages-");
    } catch (IOException e) {
      throw new SiteException("could not create Chromium's profile directory", e);
    }
    ChromeOptions options = new ChromeOptions();
    options.setBinary(b.browser.toFile());
    options.addArguments(FLAGS);
    options.addArguments("--user-data-dir=" + profile, "--window-size=1280,800");
    ChromeDriverService svc =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(b.driver.toFile())
            .usingAnyFreePort()
            .withLogOutput(OutputStream.nullOutputStream())
            .build();
    ChromeDriver started;
    try {
      started = new ChromeDriver(svc, options);
      started.manage().timeouts().scriptTimeout(b.timeout);
      started.manage().timeouts().pageLoadTimeout(b.timeout);
    } catch (WebDriverException e) {
      svc.stop();
      PageFiles.deleteQuietly(profile);
      PageFiles.deleteQuietly(pages);
      throw new SiteException(
          "Chromium did not start (" + b.browser + ", " + b.driver + "): " + e.getMessage(), e);
    }
    this.service = svc;
    this.driver = started;
    this.shutdownHook = new Thread(this::closeQuietly, "trinity-chromium-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /**
   * Whether Chromium and chromedriver are installed at the default paths.
   *
   * @return true when both are executable
   */
  public static boolean isInstalled() {
    return Files.isExecutable(DEFAULT_BROWSER) && Files.isExecutable(DEFAULT_DRIVER);
  }

  /**
   * Starts Chromium at the default paths.
   *
   * @return a started guardian; close it
   * @throws SiteException when Chromium or chromedriver is missing or does not start
   */
  public static ChromiumGuardian create() {
    return builder().build();
  }

  /**
   * A builder with the default paths.
   *
   * @return the builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * The browser's profile directory, deleted on {@link #close()}; every Chromium process of this
   * guardian has it on its command line.
   *
   * @return the directory
   */
  public Path profileDirectory() {
    return profile;
  }

  @Override
  public synchronized LayoutReport check(RenderedSite page, List<Viewport> viewports) {
    Objects.requireNonNull(page, "page");
    if (viewports.isEmpty()) {
      throw new IllegalArgumentException("viewports must not be empty");
    }
    ensureOpen();
    long started = System.nanoTime();
    Path index = load(page);
    try {
      List<Overflow> overflows = new ArrayList<>();
      int checked = 0;
      for (Viewport viewport : viewports) {
        resize(viewport, viewport.height());
        Object answer = driver.executeAsyncScript(CHECK_SCRIPT);
        if (!(answer instanceof Map<?, ?> result)) {
          throw new SiteException("the overflow check returned " + answer + " for " + page);
        }
        if (Boolean.FALSE.equals(result.get("fonts"))) {
          throw new SiteException(
              "the " + page.theme() + " page's bundled fonts did not load in Chromium");
        }
        checked += ((Number) result.get("checked")).intValue();
        for (Object o : (List<?>) result.get("overflows")) {
          List<?> row = (List<?>) o;
          overflows.add(
              new Overflow(
                  Component.fromId((String) row.get(0)),
                  ((Number) row.get(1)).intValue(),
                  viewport,
                  ((Number) row.get(2)).intValue(),
                  "V".equals(row.get(3)) ? Overflow.Axis.VERTICAL : Overflow.Axis.HORIZONTAL));
        }
      }
      LayoutReport report = new LayoutReport(NAME, viewports, overflows, checked);
      GuardianEvents.checked(page, report, System.nanoTime() - started);
      return report;
    } catch (WebDriverException e) {
      throw new SiteException(
          "Chromium could not check the " + page.theme() + " page: " + e.getMessage(), e);
    } finally {
      PageFiles.deleteQuietly(index);
    }
  }

  /** Always present: {@link #screenshot(RenderedSite, Viewport, boolean)} of the whole page. */
  @Override
  public Optional<byte[]> fullPageScreenshot(RenderedSite page, Viewport viewport) {
    return Optional.of(screenshot(page, viewport, true));
  }

  /**
   * Takes a PNG screenshot of a page at a viewport.
   *
   * @param page the page
   * @param viewport the viewport; the image is its width wide
   * @param fullPage true for the whole page's height, false for the viewport's height
   * @return the PNG bytes
   * @throws SiteException when the page cannot be loaded or captured
   * @throws IllegalStateException when the guardian is closed
   */
  public synchronized byte[] screenshot(RenderedSite page, Viewport viewport, boolean fullPage) {
    Objects.requireNonNull(page, "page");
    Objects.requireNonNull(viewport, "viewport");
    ensureOpen();
    Path index = load(page);
    try {
      resize(viewport, viewport.height());
      driver.executeAsyncScript(
          "var done = arguments[arguments.length - 1]; document.fonts.ready.then(function () {"
              + " done(true); });");
      if (fullPage) {
        Number height =
            (Number)
                driver.executeScript("return Math.ceil(document.documentElement.scrollHeight);");
        resize(viewport, Math.max(viewport.height(), Math.min(height.intValue(), 10000)));
      }
      return driver.getScreenshotAs(OutputType.BYTES);
    } catch (WebDriverException e) {
      throw new SiteException(
          "Chromium could not take a screenshot of the " + page.theme() + " page", e);
    } finally {
      PageFiles.deleteQuietly(index);
    }
  }

  /**
   * Writes the page next to its assets and opens it. Assets are written once per distinct set (a
   * theme's stylesheets and fonts) and reused, so the browser also keeps its parsed fonts; only the
   * HTML is new for each page.
   */
  private Path load(RenderedSite page) {
    Path assetsDir =
        assetDirs.computeIfAbsent(
            AssetKey.of(page.assets()),
            key -> {
              Path dir = pages.resolve("site-" + assetDirs.size());
              page.writeAssetsTo(dir);
              return dir;
            });
    Path index = assetsDir.resolve("page-" + (++pageCounter) + ".html");
    try {
      Files.writeString(index, page.html(), StandardCharsets.UTF_8);
      driver.get(index.toUri().toString());
    } catch (IOException e) {
      throw new SiteException("could not write the " + page.theme() + " page to " + index, e);
    } catch (WebDriverException e) {
      PageFiles.deleteQuietly(index);
      throw new SiteException("Chromium could not load the " + page.theme() + " page", e);
    }
    return index;
  }

  /** Identifies a set of assets by their paths and contents. */
  private record AssetKey(List<String> paths, List<Integer> hashes) {
    /** Content hashes by array identity: the bundled fonts are shared arrays, hashed once. */
    private static final Map<byte[], Integer> HASHES =
        Collections.synchronizedMap(new WeakHashMap<>());

    static AssetKey of(Map<String, byte[]> assets) {
      List<String> paths = new ArrayList<>(assets.keySet());
      List<Integer> hashes = new ArrayList<>();
      for (String path : paths) {
        hashes.add(HASHES.computeIfAbsent(assets.get(path), Arrays::hashCode));
      }
      return new AssetKey(paths, hashes);
    }
  }

  private void resize(Viewport viewport, int height) {
    if (deviceMetrics) {
      driver.executeCdpCommand(
          "Emulation.setDeviceMetricsOverride",
          Map.of(
              "width",
              viewport.width(),
              "height",
              height,
              "deviceScaleFactor",
              1,
              "mobile",
              false));
    } else {
      driver.manage().window().setSize(new Dimension(viewport.width(), height));
    }
  }

  private void ensureOpen() {
    if (closed) {
      throw new IllegalStateException("the Chromium guardian is closed");
    }
  }

  /** Quits Chromium and chromedriver and deletes the profile; idempotent. */
  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      driver.quit();
    } catch (WebDriverException e) {
      // the browser is already gone; the service and files are still cleaned up below
    } finally {
      service.stop();
      PageFiles.deleteQuietly(pages);
      PageFiles.deleteQuietly(profile);
      try {
        Runtime.getRuntime().removeShutdownHook(shutdownHook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down: this is the hook running
      }
    }
  }

  private void closeQuietly() {
    try {
      close();
    } catch (RuntimeException e) {
      // nothing more can be done while the JVM exits
    }
  }

  private static String readScript() {
    try (InputStream in =
        ChromiumGuardian.class.getResourceAsStream(
            "/dev/trinity/site/internal/check-overflow.js")) {
      if (in == null) {
        throw new IllegalStateException("check-overflow.js is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read check-overflow.js", e);
    }
  }

  /** Builds a {@link ChromiumGuardian}; not thread-safe. */
  public static final class Builder {
    private Path browser = DEFAULT_BROWSER;
    private Path driver = DEFAULT_DRIVER;
    private Duration timeout = Duration.ofSeconds(30);
    private boolean deviceMetrics = true;

    private Builder() {}

    /**
     * Sets the Chromium binary.
     *
     * @param browser its path
     * @return this builder
     */
    public Builder browser(Path browser) {
      this.browser = Objects.requireNonNull(browser, "browser");
      return this;
    }

    /**
     * Sets the chromedriver binary.
     *
     * @param driver its path
     * @return this builder
     */
    public Builder driver(Path driver) {
      this.driver = Objects.requireNonNull(driver, "driver");
      return this;
    }

    /**
     * Sets how long a page load or check may take.
     *
     * @param timeout positive
     * @return this builder
     * @throws IllegalArgumentException when not positive
     */
    public Builder timeout(Duration timeout) {
      if (timeout.isZero() || timeout.isNegative()) {
        throw new IllegalArgumentException("timeout must be positive, was " + timeout);
      }
      this.timeout = timeout;
      return this;
    }

    /**
     * Whether viewports are set by the DevTools device-metrics override (true, the default: the
     * faster way, measured in the module README) or by resizing the window.
     *
     * @param deviceMetrics false to resize the window instead
     * @return this builder
     */
    public Builder deviceMetricsOverride(boolean deviceMetrics) {
      this.deviceMetrics = deviceMetrics;
      return this;
    }

    /**
     * Starts Chromium.
     *
     * @return the started guardian; close it
     * @throws SiteException when Chromium or chromedriver is missing or does not start
     */
    public ChromiumGuardian build() {
      return new ChromiumGuardian(this);
    }
  }
}
