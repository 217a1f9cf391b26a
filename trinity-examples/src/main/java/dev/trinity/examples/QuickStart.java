package dev.trinity.examples;

import dev.trinity.api.TrinityException;
import dev.trinity.api.content.AsyncContentEngine;
import dev.trinity.api.content.BatchOptions;
import dev.trinity.api.content.BatchResult;
import dev.trinity.api.content.ContentRequest;
import dev.trinity.api.content.Fallback;
import dev.trinity.api.content.GeneratedContent;
import dev.trinity.api.content.ItemResult;
import dev.trinity.api.content.Project;
import dev.trinity.api.content.SiteContent;
import dev.trinity.cache.CacheStats;
import dev.trinity.cache.TierStats;
import dev.trinity.core.EffectiveConfig;
import dev.trinity.core.ProviderSelection;
import dev.trinity.core.Trinity;
import dev.trinity.core.content.ContentDocuments;
import dev.trinity.core.content.ContentEngines;
import dev.trinity.site.PageWriter;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The quick start: generates site content for three bundled sample portfolios — a Markdown page, a
 * plain-text résumé and a GitHub dashboard listing — in three themes (brutalist, hacker,
 * minimalist) at the same time, prints a short summary of each, and writes the JSON to {@code
 * output/}. Each result is also rendered into a page, {@code output/<portfolio>/<theme>/index.html}
 * (with {@code screenshot.png} when Chromium is installed), its overflows healed; a fourth sample,
 * {@code layout-breaker.md}, built to break layouts, is rendered in all five themes and must come
 * out with no overflow in any.
 *
 * <p>It uses the configured provider ({@code LLM_PROVIDER}, {@code LLM_API_URL}, {@code
 * LLM_MODEL}). When none is configured and Ollama does not answer at {@code
 * http://localhost:11434}, it says so in one line and runs with the {@code offline} provider, which
 * needs no model. If the model path fails mid-run, the offline fallback answers and the summary
 * says so.
 *
 * <pre>
 * ./mvnw -B -q install -DskipTests &amp;&amp; ./mvnw -B -q -pl trinity-examples exec:java
 * LLM_PROVIDER=openai LLM_API_URL=http://localhost:1234/v1 LLM_MODEL=qwen2.5-7b-instruct \
 *   ./mvnw -B -q -pl trinity-examples exec:java
 * </pre>
 *
 * <p>Takes the output directory as its only argument ({@code output} by default).
 */
public final class QuickStart {
  /** How long the quick start waits for Ollama before running offline. */
  static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

  /** A bundled sample and the theme it is generated in. */
  record Job(String sample, String theme) {
    /** The sample's file name without its extension: {@code ada-kowalska}. */
    String name() {
      return sample.replaceFirst("\\.[^.]+$", "");
    }
  }

  static final List<Job> JOBS =
      List.of(
          new Job("ada-kowalska.md", "brutalist"),
          new Job("marco-rossi-resume.txt", "hacker"),
          new Job("github-dashboard-lin.txt", "minimalist"),
          new Job(SitePages.BREAKER, "brutalist"),
          new Job(SitePages.BREAKER, "hacker"),
          new Job(SitePages.BREAKER, "minimalist"),
          new Job(SitePages.BREAKER, "enterprise"),
          new Job(SitePages.BREAKER, "editorial"));

  private QuickStart() {}

  /**
   * Runs the quick start.
   *
   * @param args the output directory, {@code output} when empty
   */
  public static void main(String[] args) {
    Path outputDir = Path.of(args.length > 0 ? args[0] : "output");
    int status;
    try (Trinity trinity = open(System.getenv(), System.out)) {
      status = run(trinity, outputDir, System.out);
    } catch (TrinityException | UncheckedIOException e) {
      System.err.println("error: " + e.getMessage());
      status = 1;
    }
    System.exit(status);
  }

  /**
   * Generates the three samples concurrently and reports on them.
   *
   * @param trinity the configured instance
   * @param outputDir where the JSON files go
   * @param out where the summary goes
   * @return the exit status: 0 when every sample was generated
   */
  static int run(Trinity trinity, Path outputDir, PrintStream out) {
    AsyncContentEngine engine =
        ContentEngines.builder(trinity).fallback(Fallback.offline()).buildAsync();
    List<ContentRequest> requests =
        JOBS.stream()
            .map(
                job ->
                    ContentRequest.builder()
                        .portfolioText(Samples.read(job.sample()), "samples/" + job.sample())
                        .theme(job.theme())
                        .build())
            .toList();
    out.printf(
        "Generating %d portfolios in %s with %s/%s, concurrently%n%n",
        requests.size(),
        JOBS.stream().map(Job::theme).collect(Collectors.joining(", ")),
        trinity.provider().name(),
        trinity.provider().defaultModel());

    long started = System.nanoTime();
    BatchResult result =
        engine.sync().generateAll(requests, BatchOptions.ofDefaults().withMaxConcurrency(3));
    long tookMs = (System.nanoTime() - started) / 1_000_000;

    int breakerClean = 0;
    try (SitePages pages = SitePages.open()) {
      for (ItemResult item : result.items()) {
        Job job = JOBS.get(item.index());
        if (item.isSuccess()) {
          Path file = write(outputDir, job, item.content());
          summarize(job, item.content(), file, out);
          PageWriter.Written page =
              pages.write(
                  outputDir.resolve(job.name()).resolve(job.theme()),
                  item.content().content(),
                  engine.sync().theme(job.theme()));
          out.printf("  page: %s%n", SitePages.describe(page.heal()));
          out.printf(
              "  -> %s%s%n%n",
              page.index(),
              page.screenshot().map(png -> " (+ " + png.getFileName() + ")").orElse(""));
          if (job.sample().equals(SitePages.BREAKER) && page.heal().isClean()) {
            breakerClean++;
          }
        } else {
          out.printf(
              "%-10s  %s  FAILED: %s%n%n", job.theme(), job.sample(), item.error().getMessage());
        }
      }
      out.printf(
          "%s: no overflow in %d of %d themes at 375, 768 and 1280 px (checked by %s)%n",
          SitePages.BREAKER,
          breakerClean,
          JOBS.stream().filter(j -> j.sample().equals(SitePages.BREAKER)).count(),
          pages.guardian());
    }
    printCacheStats(trinity, out);
    out.printf(
        "%d of %d generated in %d ms; JSON in %s%n",
        result.succeeded(), result.total(), tookMs, outputDir.toAbsolutePath().normalize());
    return result.failed() == 0 ? 0 : 1;
  }

  /**
   * The configured Trinity, or an offline one when nothing is configured and Ollama is not there.
   *
   * @param env the environment variables
   * @param out where to say that the offline provider is used
   * @return a new instance
   */
  static Trinity open(Map<String, String> env, PrintStream out) {
    ProviderSelection selection =
        ProviderSelection.of(EffectiveConfig.load(null, env), PROBE_TIMEOUT);
    selection
        .unansweredServer()
        .ifPresent(
            ollama ->
                out.println(
                    "No LLM configured (LLM_PROVIDER) and Ollama does not answer at "
                        + ollama
                        + ": running with the offline provider (rule-based extraction, no"
                        + " model)."));
    return Trinity.builder().config(selection.config()).build();
  }

  private static void summarize(Job job, GeneratedContent g, Path file, PrintStream out) {
    SiteContent c = g.content();
    out.printf(
        "%-10s  %-24s  source=%s%s  %s/%s  attempts=%d  %d ms%n",
        job.theme(),
        job.sample(),
        g.source().name().toLowerCase(Locale.ROOT),
        g.source() == g.originalSource()
            ? ""
            : " (written by " + g.originalSource().name().toLowerCase(Locale.ROOT) + ")",
        g.provider(),
        g.model(),
        g.attempts(),
        g.duration().toMillis());
    out.printf("  %s — %s%n", c.hero().title(), c.tagline() == null ? "" : c.tagline());
    out.printf(
        "  %d projects: %s%n",
        c.repos().size(),
        c.repos().stream().limit(3).map(QuickStart::describe).collect(Collectors.joining(", "))
            + (c.repos().size() > 3 ? ", …" : ""));
    for (String warning : g.warnings()) {
      out.println("  warning: " + warning);
    }
    out.println("  -> " + file);
    out.println();
  }

  private static String describe(Project p) {
    StringBuilder sb = new StringBuilder(p.name());
    if (p.language() != null || p.stars() != null) {
      sb.append(" (");
      if (p.language() != null) {
        sb.append(p.language());
      }
      if (p.stars() != null) {
        sb.append(p.language() != null ? ", " : "").append(p.stars()).append("★");
      }
      sb.append(')');
    }
    return sb.toString();
  }

  /**
   * Prints the response cache's statistics, overall and per tier; a second run of the quick start
   * shows the answers coming from the filesystem tier.
   */
  private static void printCacheStats(Trinity trinity, PrintStream out) {
    CacheStats stats = trinity.cache().stats();
    if (!trinity.cache().isEnabled()) {
      out.println("cache: disabled");
      return;
    }
    out.printf(
        "cache: %d hits, %d misses (hit rate %.0f%%), %d stored%n",
        stats.hits(), stats.misses(), stats.hitRatio() * 100, stats.puts());
    for (TierStats t : stats.tiers()) {
      out.printf(
          "  %-10s hits=%d misses=%d puts=%d errors=%d%n",
          t.tier(), t.hits(), t.misses(), t.puts(), t.errors());
    }
  }

  /** Writes {@code <sample>.<theme>.json}: how it was made, then the content a template reads. */
  private static Path write(Path dir, Job job, GeneratedContent g) {
    return ContentDocuments.write(dir.resolve(job.name() + "." + job.theme() + ".json"), g);
  }
}
