package dev.trinity.cli.internal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.api.content.Theme;
import dev.trinity.site.ChromiumGuardian;
import dev.trinity.site.ComponentRef;
import dev.trinity.site.HealResult;
import dev.trinity.site.HealingStrategy;
import dev.trinity.site.LayoutGuardian;
import dev.trinity.site.LayoutGuardians;
import dev.trinity.site.LayoutRiskPredictor;
import dev.trinity.site.PageWriter;
import dev.trinity.site.TextMetricsGuardian;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns generated content into a page: renders it in its theme, checks the layout at the default
 * viewports, heals what overflows (break-word, font shrink, truncate, cut), writes {@code
 * index.html} with its assets and, with Chromium, a full-page {@code screenshot.png} at desktop
 * width. One guardian (one browser) serves every page of a run.
 */
final class PageBuilder implements AutoCloseable {
  static final String LAYOUT = "layout.json";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** What building one page gave. */
  record Page(Path index, String fixes, boolean clean, boolean screenshot) {}

  private final LayoutGuardian guardian;
  private final PageWriter pages;

  private PageBuilder(LayoutGuardian guardian, boolean predict) {
    this.guardian = guardian;
    this.pages =
        predict
            ? PageWriter.create(guardian, LayoutRiskPredictor.shipped())
            : PageWriter.create(guardian);
  }

  /**
   * Starts the layout check.
   *
   * @param predict whether healing starts from the layout-risk predictor's plan (else from no
   *     fixes); either way what still overflows escalates
   * @throws IllegalArgumentException when Chromium is asked for and not installed
   * @throws dev.trinity.site.LayoutModelException when the shipped model is damaged
   */
  static PageBuilder start(GuardianChoice choice, boolean predict) {
    return new PageBuilder(
        switch (choice) {
          case TEXT -> TextMetricsGuardian.create();
          case CHROMIUM -> {
            if (!ChromiumGuardian.isInstalled()) {
              throw new IllegalArgumentException(
                  "--guardian chromium: Chromium is not installed at "
                      + ChromiumGuardian.DEFAULT_BROWSER
                      + " with "
                      + ChromiumGuardian.DEFAULT_DRIVER
                      + " (see 'trinity doctor')");
            }
            yield ChromiumGuardian.create();
          }
          case AUTO -> LayoutGuardians.bestAvailable();
        },
        predict);
  }

  String guardianName() {
    return guardian.name();
  }

  Page build(GeneratedContent generated, Theme theme, Path dir) {
    PageWriter.Written page = pages.write(generated.content(), theme, dir);
    HealResult healed = page.heal();
    writeLayout(dir, healed);
    return new Page(
        page.index(), describe(healed), healed.isClean(), page.screenshot().isPresent());
  }

  /**
   * {@code none}, or how many elements each strategy fixed, cheapest first ({@code break_word 9,
   * truncate 3}): the fixes the final page was rendered with, whether predicted or found by
   * escalation; overflows the healer could not fix are counted after it.
   */
  static String describe(HealResult healed) {
    Map<HealingStrategy, Long> counts =
        healed.fixes().asMap().values().stream()
            .collect(
                Collectors.groupingBy(
                    s -> s, () -> new EnumMap<>(HealingStrategy.class), Collectors.counting()));
    String text =
        counts.isEmpty()
            ? "none"
            : counts.entrySet().stream()
                .map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + " " + e.getValue())
                .collect(Collectors.joining(", "));
    if (!healed.isClean()) {
      text += " (still overflows: " + healed.report().overflows().size() + ")";
    }
    return text;
  }

  /**
   * {@code layout.json}: the guardian, each fixed element with its strategy (the final page's
   * fixes, predicted or escalated), those the checks escalated, what still overflows.
   */
  private static void writeLayout(Path dir, HealResult healed) {
    ObjectNode root = JSON.createObjectNode();
    root.put("guardian", healed.report().guardian());
    root.put("clean", healed.isClean());
    root.put("renders", healed.renders());
    ObjectNode fixes = root.putObject("fixes");
    putSorted(fixes, healed.fixes().asMap());
    putSorted(root.putObject("escalated"), healed.fixedBy());
    ArrayNode overflows = root.putArray("overflows");
    healed.report().overflows().forEach(o -> overflows.add(JSON.valueToTree(o)));
    try {
      Files.writeString(dir.resolve(LAYOUT), JSON.writeValueAsString(root) + "\n");
    } catch (IOException e) {
      throw new UncheckedIOException("could not write " + dir.resolve(LAYOUT), e);
    }
  }

  private static void putSorted(ObjectNode node, Map<ComponentRef, HealingStrategy> fixes) {
    new TreeMap<>(
            fixes.entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue)))
        .forEach((ref, strategy) -> node.put(ref, strategy.name().toLowerCase(Locale.ROOT)));
  }

  @Override
  public void close() {
    guardian.close();
  }
}
