package dev.trinity.site.internal.risk.train;

import dev.trinity.api.content.SiteContent;
import dev.trinity.site.Component;
import dev.trinity.site.ComponentRef;
import dev.trinity.site.HealingStrategy;
import dev.trinity.site.SiteRenderer;
import dev.trinity.site.SiteTemplate;
import dev.trinity.site.internal.LayoutSpec;
import dev.trinity.site.internal.PageElements;
import dev.trinity.site.internal.risk.ElementFeatures;
import dev.trinity.site.internal.risk.ThemeLayout;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * The labelled dataset in memory: every row of the CSV with its element's text regenerated from the
 * seed (checked against the row's hash) and its features computed.
 *
 * @param seed the generator seed
 * @param pages how many pages
 * @param rows the elements
 * @param csvSha256 the SHA-256 of the CSV file
 */
public record LabelledSet(long seed, int pages, List<Row> rows, String csvSha256) {

  /** The label an element that {@code CONTENT_CUT} could not fix is trained as: the last rung. */
  public static final int UNFIXED_CLASS = HealingStrategy.CONTENT_CUT.ordinal();

  /**
   * One labelled element.
   *
   * @param page the page number
   * @param theme the theme
   * @param ref the element
   * @param label the cheapest strategy's class id
   * @param unfixed whether even {@code CONTENT_CUT} left it overflowing
   * @param x its features
   */
  public record Row(
      int page, String theme, ComponentRef ref, int label, boolean unfixed, double[] x) {}

  /**
   * Reads a dataset.
   *
   * @param csv the CSV written by {@link DatasetGenerator}
   * @return the set
   * @throws IOException when the file cannot be read
   * @throws IllegalStateException when a row's text hash does not match the regenerated text
   */
  public static LabelledSet read(Path csv) throws IOException {
    byte[] bytes = Files.readAllBytes(csv);
    List<String> lines = List.of(new String(bytes, StandardCharsets.UTF_8).split("\n"));
    Map<String, String> header = new HashMap<>();
    for (String kv : lines.get(0).replaceFirst("^#[^:]*:", "").strip().split("\\s+")) {
      String[] p = kv.split("=");
      header.put(p[0], p[1]);
    }
    long seed = Long.parseLong(header.get("seed"));
    int pages = Integer.parseInt(header.get("pages"));
    List<SiteContent> contents = Dataset.pages(seed, pages);
    Map<String, ThemeLayout> layouts = layouts();
    Map<Integer, Map<ComponentRef, String>> texts = new HashMap<>();
    List<Row> rows = new ArrayList<>();
    for (String line : lines.subList(2, lines.size())) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split(",");
      int page = Integer.parseInt(f[0]);
      ComponentRef ref = ComponentRef.of(Component.fromId(f[2]), Integer.parseInt(f[3]));
      String text =
          texts
              .computeIfAbsent(
                  page,
                  p -> {
                    Map<ComponentRef, String> m = new HashMap<>();
                    for (PageElements.Element e : PageElements.of(contents.get(p))) {
                      m.put(e.ref(), e.text());
                    }
                    return m;
                  })
              .get(ref);
      if (text == null || !Dataset.textHash(text).equals(f[4])) {
        throw new IllegalStateException(
            "dataset row '"
                + line
                + "' does not match the regenerated page: the content generator changed since the"
                + " dataset was labelled; regenerate it (make train)");
      }
      boolean unfixed = Labeler.UNFIXED.equals(f[5]);
      int label = unfixed ? UNFIXED_CLASS : HealingStrategy.valueOf(f[5]).ordinal();
      double[] x = new double[ElementFeatures.COUNT];
      ElementFeatures.compute(ref.component(), text, layouts.get(f[1]), x);
      rows.add(new Row(page, f[1], ref, label, unfixed, x));
    }
    return new LabelledSet(
        seed, pages, rows, dev.trinity.site.internal.risk.RiskModel.sha256(bytes));
  }

  /**
   * The built-in themes' layouts.
   *
   * @return layout per theme name
   */
  public static Map<String, ThemeLayout> layouts() {
    Map<String, ThemeLayout> out = new HashMap<>();
    for (String t : SiteRenderer.BUILT_IN_THEMES) {
      out.put(t, new ThemeLayout(LayoutSpec.of(SiteTemplate.builtIn(t).layout())));
    }
    return out;
  }

  /**
   * Each page's label: the strongest any of its elements needs.
   *
   * @return class id per page number
   */
  public Map<Integer, Integer> pageLabels() {
    Map<Integer, Integer> out = new TreeMap<>();
    for (Row r : rows) {
      out.merge(r.page(), r.label(), Math::max);
    }
    return out;
  }

  /**
   * Splits the pages into a test set, stratified by page label: the same share of each class,
   * shuffled with a fixed seed.
   *
   * @param fraction the test share, 0 to 1
   * @param splitSeed the shuffle seed
   * @return the test page numbers, ascending
   */
  public List<Integer> testPages(double fraction, long splitSeed) {
    Map<Integer, List<Integer>> byClass = new TreeMap<>();
    pageLabels().forEach((p, c) -> byClass.computeIfAbsent(c, k -> new ArrayList<>()).add(p));
    List<Integer> test = new ArrayList<>();
    Random random = new Random(splitSeed);
    for (List<Integer> group : byClass.values()) {
      Collections.shuffle(group, random);
      test.addAll(group.subList(0, (int) Math.round(group.size() * fraction)));
    }
    Collections.sort(test);
    return test;
  }
}
