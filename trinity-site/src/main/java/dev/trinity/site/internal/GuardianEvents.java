package dev.trinity.site.internal;

import dev.trinity.logging.LogEvents;
import dev.trinity.site.ComponentRef;
import dev.trinity.site.HealingStrategy;
import dev.trinity.site.LayoutReport;
import dev.trinity.site.RenderedSite;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs the site events ({@code layout_checked}, {@code layout_healed}) as SLF4J key-values. */
public final class GuardianEvents {
  private static final Logger LOG = LoggerFactory.getLogger("dev.trinity.site");

  private GuardianEvents() {}

  /**
   * A page was checked.
   *
   * @param page the page
   * @param report what the guardian found
   * @param nanos how long the check took
   */
  public static void checked(RenderedSite page, LayoutReport report, long nanos) {
    LOG.atDebug()
        .setMessage(LogEvents.LAYOUT_CHECKED)
        .addKeyValue(LogEvents.Keys.THEME, page.theme())
        .addKeyValue(LogEvents.Keys.GUARDIAN, report.guardian())
        .addKeyValue(LogEvents.Keys.VIEWPORTS, report.viewports().size())
        .addKeyValue(LogEvents.Keys.OVERFLOWS, report.overflows().size())
        .addKeyValue(LogEvents.Keys.CLEAN, report.isClean())
        .addKeyValue(LogEvents.Keys.DURATION_MS, nanos / 1_000_000)
        .log();
  }

  /**
   * A component was fixed.
   *
   * @param theme the page's theme
   * @param ref the component
   * @param strategy the strategy that fixed it
   * @param renders renders so far
   */
  public static void healed(String theme, ComponentRef ref, HealingStrategy strategy, int renders) {
    LOG.atInfo()
        .setMessage(LogEvents.LAYOUT_HEALED)
        .addKeyValue(LogEvents.Keys.THEME, theme)
        .addKeyValue(LogEvents.Keys.COMPONENT, ref.toString())
        .addKeyValue(LogEvents.Keys.STRATEGY, strategy.name().toLowerCase(java.util.Locale.ROOT))
        .addKeyValue(LogEvents.Keys.RENDERS, renders)
        .log();
  }
}
