package dev.trinity.site.internal.risk;

import dev.trinity.logging.LogEvents;
import dev.trinity.site.RiskPrediction;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs {@code layout_predicted} as SLF4J key-values. */
public final class RiskEvents {
  private static final Logger LOG = LoggerFactory.getLogger("dev.trinity.site");

  private RiskEvents() {}

  /**
   * A page's risk was predicted and the healer starts from it.
   *
   * @param theme the theme
   * @param p the prediction
   */
  public static void predicted(String theme, RiskPrediction p) {
    LOG.atInfo()
        .setMessage(LogEvents.LAYOUT_PREDICTED)
        .addKeyValue(LogEvents.Keys.THEME, theme)
        .addKeyValue(LogEvents.Keys.STRATEGY, p.strategy().name().toLowerCase(Locale.ROOT))
        .addKeyValue(LogEvents.Keys.CONFIDENCE, String.format(Locale.ROOT, "%.3f", p.confidence()))
        .addKeyValue(LogEvents.Keys.PREDICTOR, p.source().name().toLowerCase(Locale.ROOT))
        .log();
  }
}
