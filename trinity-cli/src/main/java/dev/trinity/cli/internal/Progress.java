package dev.trinity.cli.internal;

import dev.trinity.api.content.BatchProgress;
import dev.trinity.api.content.ContentSource;
import dev.trinity.api.content.GeneratedContent;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a batch's progress on the error stream: a progress bar on a terminal, one plain line per
 * finished item when the output is a file or a pipe. The batch calls it from its own threads; it
 * serialises the calls.
 */
abstract class Progress implements AutoCloseable {
  protected final List<BuildItem> items;

  private Progress(List<BuildItem> items) {
    this.items = items;
  }

  /** The display for a mode: AUTO picks the bar when the run is interactive. */
  static Progress create(
      ProgressMode mode, boolean interactive, PrintStream err, List<BuildItem> items) {
    ProgressMode m =
        mode == ProgressMode.AUTO ? (interactive ? ProgressMode.BAR : ProgressMode.LINES) : mode;
    return switch (m) {
      case BAR -> new Bar(err, items, interactive);
      case LINES -> new Lines(err, items);
      default -> new Silent(items);
    };
  }

  /** One more item finished. */
  abstract void update(BatchProgress progress);

  @Override
  public abstract void close();

  static String sourceOf(GeneratedContent g) {
    return g.source() == ContentSource.LLM ? "llm" : g.source().name().toLowerCase(Locale.ROOT);
  }

  private static final class Bar extends Progress {
    private final ProgressBar bar;

    Bar(PrintStream err, List<BuildItem> items, boolean terminal) {
      super(items);
      this.bar =
          new ProgressBarBuilder()
              .setTaskName("Building")
              .setInitialMax(items.size())
              .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
              .setUpdateIntervalMillis(100)
              .setConsumer(
                  terminal
                      ? new ConsoleProgressBarConsumer(err)
                      : new ConsoleProgressBarConsumer(err, 100))
              .setMaxRenderedLength(100)
              .build();
    }

    @Override
    synchronized void update(BatchProgress p) {
      BuildItem item = items.get(p.latest().index());
      bar.stepTo(p.done());
      bar.setExtraMessage(
          item.name()
              + " "
              + item.theme()
              + (p.failed() > 0 ? " (" + p.failed() + " failed)" : ""));
    }

    @Override
    public synchronized void close() {
      bar.close();
    }
  }

  private static final class Lines extends Progress {
    private final PrintStream err;

    Lines(PrintStream err, List<BuildItem> items) {
      super(items);
      this.err = err;
    }

    @Override
    synchronized void update(BatchProgress p) {
      BuildItem item = items.get(p.latest().index());
      String outcome =
          p.latest()
              .contentIfPresent()
              .map(g -> sourceOf(g) + ", " + g.duration().toMillis() + " ms")
              .orElse("FAILED");
      err.printf("[%d/%d] %s %s: %s%n", p.done(), p.total(), item.name(), item.theme(), outcome);
      err.flush();
    }

    @Override
    public void close() {}
  }

  private static final class Silent extends Progress {
    Silent(List<BuildItem> items) {
      super(items);
    }

    @Override
    void update(BatchProgress p) {}

    @Override
    public void close() {}
  }
}
