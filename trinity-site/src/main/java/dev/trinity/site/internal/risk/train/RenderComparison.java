package dev.trinity.site.internal.risk.train;

import dev.trinity.api.content.SiteContent;
import dev.trinity.api.content.Theme;
import dev.trinity.site.ChromiumGuardian;
import dev.trinity.site.HealResult;
import dev.trinity.site.Healer;
import dev.trinity.site.HealingStrategy;
import dev.trinity.site.LayoutRiskPredictor;
import dev.trinity.site.RiskPrediction;
import dev.trinity.site.SiteRenderer;
import dev.trinity.site.Viewport;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * The practical measure: on fresh seeded hostile pages, browser renders until clean with the plain
 * escalation ladder against starting from the predictor's plan, pages left overflowing, and how
 * often the prediction is harsher than the cheapest strategy Chromium shows is enough.
 *
 * <p>Usage: {@code RenderComparison [pages] [seed]} (200 and {@link #DEFAULT_SEED} by default).
 */
public final class RenderComparison {
  /** The seed of the evaluation pages, distinct from the dataset's. */
  public static final long DEFAULT_SEED = 9_001L;

  private RenderComparison() {}

  /**
   * Hostile pages: every text field has at least an even chance of a layout-breaking shape.
   *
   * @param seed the seed
   * @param count how many
   * @return the pages
   */
  public static List<SiteContent> hostilePages(long seed, int count) {
    ContentGenerator g = new ContentGenerator(seed);
    SplittableRandom r = new SplittableRandom(seed);
    return java.util.stream.IntStream.range(0, count)
        .mapToObj(i -> g.next(0.5 + 0.5 * r.nextDouble()))
        .toList();
  }

  /**
   * Runs the comparison.
   *
   * @param args optional page count and seed
   */
  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : DEFAULT_SEED;
    List<SiteContent> pages = hostilePages(seed, count);
    List<Theme> themes = BuiltInThemes.all();
    LayoutRiskPredictor predictor = LayoutRiskPredictor.shipped();
    SiteRenderer renderer = SiteRenderer.create();
    long ladderRenders = 0;
    long predictedRenders = 0;
    int ladderDirty = 0;
    int predictedDirty = 0;
    long elements = 0;
    long overElements = 0;
    long visibleElements = 0;
    int overPages = 0;
    int visiblePages = 0;
    int strongestOver = 0;
    int firstRenderClean = 0;
    long started = System.nanoTime();
    try (ChromiumGuardian guardian = ChromiumGuardian.create()) {
      Healer ladder = Healer.builder().renderer(renderer).guardian(guardian).build();
      Healer predicted =
          Healer.builder().renderer(renderer).guardian(guardian).predictor(predictor).build();
      Labeler labeler = new Labeler(renderer, guardian, Viewport.DEFAULTS);
      for (int i = 0; i < pages.size(); i++) {
        SiteContent content = pages.get(i);
        Theme theme = themes.get(i % themes.size());
        HealResult a = ladder.heal(content, theme);
        HealResult b = predicted.heal(content, theme);
        ladderRenders += a.renders();
        predictedRenders += b.renders();
        ladderDirty += a.isClean() ? 0 : 1;
        predictedDirty += b.isClean() ? 0 : 1;
        firstRenderClean += b.renders() == 1 && b.isClean() ? 1 : 0;
        RiskPrediction p = predictor.predict(content, theme);
        var labels = labeler.label(content, theme).labels();
        boolean pageOver = false;
        boolean pageVisible = false;
        int neededMax = 0;
        for (RiskPrediction.ElementRisk e : p.elements()) {
          String l = labels.get(e.ref());
          int needed =
              Labeler.UNFIXED.equals(l)
                  ? HealingStrategy.CONTENT_CUT.ordinal()
                  : HealingStrategy.valueOf(l).ordinal();
          elements++;
          neededMax = Math.max(neededMax, needed);
          if (e.strategy().ordinal() > needed) {
            overElements++;
            pageOver = true;
            // BREAK_WORD on text that fits changes nothing on screen; from FONT_SHRINK on it does
            if (e.strategy().compareTo(HealingStrategy.FONT_SHRINK) >= 0) {
              visibleElements++;
              pageVisible = true;
            }
          }
        }
        overPages += pageOver ? 1 : 0;
        visiblePages += pageVisible ? 1 : 0;
        strongestOver += p.strategy().ordinal() > neededMax ? 1 : 0;
        if (!b.isClean()) {
          System.err.println(
              "page " + i + " (" + theme.name() + ") still overflows: " + b.report());
        }
        if (i % 20 == 0) {
          System.err.printf("page %d, %.0f s%n", i, (System.nanoTime() - started) / 1e9);
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "| | mean renders per page | pages left overflowing |%n|---|---:|---:|%n"
            + "| escalation ladder | %.2f | %d |%n| predictor, then ladder | %.2f | %d |%n%n"
            + "%d hostile pages (seed %d), %d elements. Renders saved: %.1f%%. Clean on the first"
            + " render with the predictor: %d pages.%nOver-healing (predicted harsher than the"
            + " cheapest strategy Chromium shows is enough): %.2f%% of elements (%.2f%% with a"
            + " visible change, FONT_SHRINK or harsher); pages with any over-healed element %.1f%%"
            + " (%.1f%% visible); pages whose strongest strategy is harsher than needed %.1f%%.%n",
        (double) ladderRenders / count,
        ladderDirty,
        (double) predictedRenders / count,
        predictedDirty,
        count,
        seed,
        elements,
        100.0 * (ladderRenders - predictedRenders) / ladderRenders,
        firstRenderClean,
        100.0 * overElements / elements,
        100.0 * visibleElements / elements,
        100.0 * overPages / count,
        100.0 * visiblePages / count,
        100.0 * strongestOver / count);
  }
}
