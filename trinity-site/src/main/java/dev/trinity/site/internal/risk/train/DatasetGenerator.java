package dev.trinity.site.internal.risk.train;

import dev.trinity.api.content.SiteContent;
import dev.trinity.api.content.Theme;
import dev.trinity.site.ChromiumGuardian;
import dev.trinity.site.ComponentRef;
import dev.trinity.site.SiteRenderer;
import dev.trinity.site.Viewport;
import dev.trinity.site.internal.PageElements;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Generates the layout-risk dataset: seeded pages over the five built-in themes, every element
 * labelled by Chromium ({@link Labeler}). The CSV holds labels, not text: the pages are regenerated
 * from the seed ({@link Dataset}), and each row carries a hash of its element's text so that a
 * changed generator is caught instead of silently mislabelled.
 *
 * <p>Usage: {@code DatasetGenerator <out.csv> <pages> [seed] [browsers]}.
 */
public final class DatasetGenerator {
  /** The seed of the committed dataset. */
  public static final long DEFAULT_SEED = 20261130L;

  /** The CSV header. */
  public static final String HEADER = "page,theme,component,index,text_hash,label";

  private DatasetGenerator() {}

  /**
   * Generates and labels.
   *
   * @param args out file, page count, optional seed and browser count
   * @throws Exception when Chromium fails or the file cannot be written
   */
  public static void main(String[] args) throws Exception {
    Path out = Path.of(args[0]);
    int pages = Integer.parseInt(args[1]);
    long seed = args.length > 2 ? Long.parseLong(args[2]) : DEFAULT_SEED;
    int browsers = args.length > 3 ? Integer.parseInt(args[3]) : 1;
    List<SiteContent> contents = Dataset.pages(seed, pages);
    List<Theme> themes = BuiltInThemes.all();
    SiteRenderer renderer = SiteRenderer.create();
    long started = System.nanoTime();
    ExecutorService pool = Executors.newFixedThreadPool(browsers);
    List<Future<List<String>>> chunks = new ArrayList<>();
    for (int b = 0; b < browsers; b++) {
      final int first = b;
      chunks.add(
          pool.submit(
              () -> {
                List<String> rows = new ArrayList<>();
                int renders = 0;
                try (ChromiumGuardian guardian = ChromiumGuardian.create()) {
                  Labeler labeler = new Labeler(renderer, guardian, Viewport.DEFAULTS);
                  for (int i = first; i < pages; i += browsers) {
                    Theme theme = themes.get(i % themes.size());
                    SiteContent content = contents.get(i);
                    Labeler.Labelled l = labeler.label(content, theme);
                    renders += l.renders();
                    for (PageElements.Element e : PageElements.of(content)) {
                      rows.add(row(i, theme.name(), e, l.labels()));
                    }
                    if (first == 0 && i % 100 == 0) {
                      System.err.printf(
                          "page %d/%d, %.1f s%n", i, pages, (System.nanoTime() - started) / 1e9);
                    }
                  }
                }
                System.err.printf("browser %d: %d renders%n", first, renders);
                return rows;
              }));
    }
    List<String> rows = new ArrayList<>();
    for (Future<List<String>> f : chunks) {
      rows.addAll(f.get());
    }
    pool.shutdown();
    rows.sort(
        (a, b) -> {
          int pa = Integer.parseInt(a.substring(0, a.indexOf(',')));
          int pb = Integer.parseInt(b.substring(0, b.indexOf(',')));
          return Integer.compare(pa, pb);
        });
    Files.createDirectories(out.toAbsolutePath().getParent());
    try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
      w.write("# layout-risk dataset: seed=" + seed + " pages=" + pages + "\n");
      w.write(HEADER + "\n");
      for (String r : rows) {
        w.write(r);
        w.write('\n');
      }
    }
    System.err.printf(
        "%d pages, %d elements labelled in %.1f s -> %s%n",
        pages, rows.size(), (System.nanoTime() - started) / 1e9, out);
  }

  private static String row(
      int page, String theme, PageElements.Element e, Map<ComponentRef, String> labels) {
    return page
        + ","
        + theme
        + ","
        + e.ref().component().id()
        + ","
        + e.ref().index()
        + ","
        + Dataset.textHash(e.text())
        + ","
        + labels.get(e.ref());
  }
}
