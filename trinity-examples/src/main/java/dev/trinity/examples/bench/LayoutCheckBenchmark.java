package dev.trinity.examples.bench;

import dev.trinity.api.content.ContentEngine;
import dev.trinity.api.content.ContentRequest;
import dev.trinity.api.content.SiteContent;
import dev.trinity.api.content.Theme;
import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.TierType;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.Trinity;
import dev.trinity.core.content.ContentEngines;
import dev.trinity.examples.Samples;
import dev.trinity.site.ChromiumGuardian;
import dev.trinity.site.HealResult;
import dev.trinity.site.Healer;
import dev.trinity.site.LayoutAgreement;
import dev.trinity.site.LayoutGuardian;
import dev.trinity.site.RenderedSite;
import dev.trinity.site.SiteRenderer;
import dev.trinity.site.TextMetricsGuardian;
import dev.trinity.site.Viewport;
import java.util.ArrayList;
import java.util.List;

/**
 * Measures the layout guardians on the bundled samples: every sample generated offline in every
 * built-in theme, plus each intermediate page the healer renders on the way to a clean one.
 *
 * <ul>
 *   <li>the warm check time per page at 375, 768 and 1280 px, in Chromium with the DevTools
 *       device-metrics override and with window resizing, and with text metrics;
 *   <li>how often the text-metrics guardian agrees with Chromium on those pages.
 * </ul>
 *
 * <pre>
 * java -cp … dev.trinity.examples.bench.LayoutCheckBenchmark [rounds]
 * </pre>
 */
public final class LayoutCheckBenchmark {
  static final List<String> SAMPLES =
      List.of(
          "ada-kowalska.md",
          "marco-rossi-resume.txt",
          "github-dashboard-lin.txt",
          "layout-breaker.md");

  private LayoutCheckBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args the number of timed rounds over all pages (5 by default)
   */
  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    if (!ChromiumGuardian.isInstalled()) {
      System.err.println("error: needs Chromium at " + ChromiumGuardian.DEFAULT_BROWSER);
      System.exit(1);
    }
    try (ChromiumGuardian cdp = ChromiumGuardian.create();
        ChromiumGuardian window = ChromiumGuardian.builder().deviceMetricsOverride(false).build()) {
      List<RenderedSite> pages = pages(cdp);
      System.out.printf(
          "%d pages (%d samples x %d themes, plus each healed page that differs)%n",
          pages.size(), SAMPLES.size(), SiteRenderer.BUILT_IN_THEMES.size());
      TextMetricsGuardian text = TextMetricsGuardian.create();
      LayoutAgreement agreement = LayoutAgreement.NONE;
      for (RenderedSite page : pages) {
        agreement = agreement.plus(LayoutAgreement.of(cdp.check(page), text.check(page)));
      }
      System.out.printf(
          "agreement with Chromium: %.2f%% of %d element x viewport verdicts; of the %d flagged by"
              + " either, both flagged %d (%.1f%%), only Chromium %d, only text metrics %d%n",
          agreement.agreement() * 100,
          agreement.verdicts(),
          agreement.flaggedByBoth() + agreement.onlyReference() + agreement.onlyOther(),
          agreement.flaggedByBoth(),
          agreement.flaggedAgreement() * 100,
          agreement.onlyReference(),
          agreement.onlyOther());
      time("chromium, device-metrics override", cdp, pages, rounds);
      time("chromium, window resize", window, pages, rounds);
      time("text metrics", text, pages, rounds);
    }
  }

  private static void time(String name, LayoutGuardian g, List<RenderedSite> pages, int rounds) {
    for (RenderedSite page : pages) {
      g.check(page, Viewport.DEFAULTS);
    }
    long[] nanos = new long[rounds * pages.size()];
    int i = 0;
    for (int r = 0; r < rounds; r++) {
      for (RenderedSite page : pages) {
        long t0 = System.nanoTime();
        g.check(page, Viewport.DEFAULTS);
        nanos[i++] = System.nanoTime() - t0;
      }
    }
    Stats s = Stats.of(nanos);
    System.out.printf(
        "%-36s warm check per page (3 viewports): mean %.1f ms, p50 %.1f ms, p95 %.1f ms,"
            + " max %.1f ms (%d checks)%n",
        name,
        s.meanMicros() / 1000,
        s.percentileMicros(50) / 1000,
        s.percentileMicros(95) / 1000,
        s.percentileMicros(100) / 1000,
        nanos.length);
  }

  /**
   * Every sample in every theme, plus each healed page that differs, healed in {@code chromium}.
   */
  private static List<RenderedSite> pages(ChromiumGuardian chromium) {
    SiteRenderer renderer = SiteRenderer.create();
    List<RenderedSite> pages = new ArrayList<>();
    try (Trinity trinity =
        Trinity.builder()
            .llm(LlmConfig.builder().provider("offline").build())
            .cache(CacheConfig.builder().tiers(TierType.MEMORY).build())
            .build()) {
      ContentEngine engine = ContentEngines.builder(trinity).build();
      Healer healer = Healer.builder().renderer(renderer).guardian(chromium).build();
      for (String sample : SAMPLES) {
        String portfolio = Samples.read(sample);
        for (String name : SiteRenderer.BUILT_IN_THEMES) {
          Theme theme = engine.theme(name);
          SiteContent content =
              engine
                  .generate(
                      ContentRequest.builder()
                          .portfolioText(portfolio, "samples/" + sample)
                          .theme(name)
                          .build())
                  .content();
          pages.add(renderer.render(content, theme));
          HealResult healed = healer.heal(content, theme);
          if (healed.renders() > 1) {
            pages.add(healed.site());
          }
        }
      }
    }
    return pages;
  }
}
