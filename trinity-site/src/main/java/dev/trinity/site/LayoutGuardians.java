package dev.trinity.site;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks a {@link LayoutGuardian}. */
public final class LayoutGuardians {
  private static final Logger LOG = LoggerFactory.getLogger(LayoutGuardians.class);

  private LayoutGuardians() {}

  /**
   * Chromium when it is installed at the default paths and starts, else the text-metrics guardian.
   * Reports carry the name of the one used ({@link LayoutReport#guardian()}).
   *
   * @return a guardian; close it
   */
  public static LayoutGuardian bestAvailable() {
    if (ChromiumGuardian.isInstalled()) {
      try {
        return ChromiumGuardian.create();
      } catch (SiteException e) {
        LOG.warn("Chromium is installed but did not start, checking layouts with text metrics", e);
        return TextMetricsGuardian.create();
      }
    }
    LOG.info(
        "Chromium is not installed at {}: checking layouts with text metrics",
        ChromiumGuardian.DEFAULT_BROWSER);
    return TextMetricsGuardian.create();
  }
}
