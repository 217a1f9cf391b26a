package dev.trinity.site;

import static org.assertj.core.api.Assertions.fail;

import org.junit.jupiter.api.Assumptions;

/**
 * Skips a test when Chromium is not installed, with the reason, unless {@code
 * TRINITY_REQUIRE_CHROMIUM=1} (set in CI), where a missing browser fails the test instead.
 */
final class ChromiumAvailable {
  private ChromiumAvailable() {}

  static void assume() {
    if (ChromiumGuardian.isInstalled()) {
      return;
    }
    String reason =
        "Chromium is not installed at "
            + ChromiumGuardian.DEFAULT_BROWSER
            + " with chromedriver at "
            + ChromiumGuardian.DEFAULT_DRIVER
            + " (apt-get install chromium chromium-driver)";
    if ("1".equals(System.getenv("TRINITY_REQUIRE_CHROMIUM"))) {
      fail(reason + ", and TRINITY_REQUIRE_CHROMIUM=1 says the browser tests must run");
    }
    Assumptions.abort(reason);
  }
}
