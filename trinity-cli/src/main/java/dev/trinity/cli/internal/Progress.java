package dev.trinity.cli.internal;

import dev.trinity.api.content.GeneratedContent;
import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Shows a phase's progress on the error stream: a progress bar on a terminal, one plain line per
 * finished item when the output is a file or a pipe. Called from the batch's threads; calls are
 * serialised.
 */
abstract class Progress implements AutoCloseable {
  /** The display for a mode: AUTO picks the bar when the run is interactive. */
  static Progress create(
      ProgressMode mode, boolean interactive, PrintStream err, String task, int total) {
    return switch (resolve(mode, interactive)) {
      case BAR -> new Bar(err, task, total, interactive);
      case LINES -> new Lines(err, task, total);
      default -> new Silent();
    };
  }

  /** Whether a run in this mode shows the bar (the only display that shows streamed tokens). */
  static boolean showsBar(ProgressMode mode, boolean interactive) {
    return resolve(mode, interactive) == ProgressMode.BAR;
  }

  private static ProgressMode resolve(ProgressMode mode, boolean interactive) {
    return mode == ProgressMode.AUTO ? (interactive ? ProgressMode.BAR : ProgressMode.LINES) : mode;
  }

  /**
   * One more item finished.
   *
   * @param done items finished so far
   * @param failed of which failed
   * @param item the item that finished
   * @param outcome how it went, in a few words
   */
  abstract void update(int done, int failed, BuildItem item, String outcome);

  /**
   * The tokens streamed so far by the phase's generations, for a provider that streams; only the
   * bar shows them (plain lines stay one per finished item).
   *
   * @param tokens tokens streamed so far, by all generations of the phase
   * @param inFlight generations still streaming
   */
  void streamed(int tokens, int inFlight) {}

  /** A display that shows nothing. */
  static Progress none() {
    return new Silent();
  }

  @Override
  public abstract void close();

  static String sourceOf(GeneratedContent g) {
    return g.source().name().toLowerCase(Locale.ROOT);
  }

  private static final class Bar extends Progress {
    private final ProgressBar bar;
    private String latest = "";
    private String streamed = "";

    Bar(PrintStream err, String task, int total, boolean terminal) {
      this.bar =
          new ProgressBarBuilder()
              .setTaskName(task)
              .setInitialMax(total)
              .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK)
              .setUpdateIntervalMillis(100)
              .setConsumer(
                  terminal
                      ? new ConsoleProgressBarConsumer(err)
                      : new ConsoleProgressBarConsumer(err, 100))
              .setMaxRenderedLength(110)
              .build();
    }

    @Override
    synchronized void update(int done, int failed, BuildItem item, String outcome) {
      bar.stepTo(done);
      latest = item.name() + " " + item.theme() + (failed > 0 ? " (" + failed + " failed)" : "");
      bar.setExtraMessage(streamed + latest);
    }

    @Override
    synchronized void streamed(int tokens, int inFlight) {
      // first, so that the bar's length limit cuts the item's name rather than the count
      streamed = tokens + " tokens" + (inFlight > 0 ? ", " + inFlight + " generating" : "") + " · ";
      bar.setExtraMessage(streamed + latest);
    }

    @Override
    public synchronized void close() {
      bar.close();
    }
  }

  private static final class Lines extends Progress {
    private final PrintStream err;
    private final String task;
    private final int total;

    Lines(PrintStream err, String task, int total) {
      this.err = err;
      this.task = task;
      this.total = total;
    }

    @Override
    synchronized void update(int done, int failed, BuildItem item, String outcome) {
      err.printf("%s [%d/%d] %s %s: %s%n", task, done, total, item.name(), item.theme(), outcome);
      err.flush();
    }

    @Override
    public void close() {}
  }

  private static final class Silent extends Progress {
    @Override
    void update(int done, int failed, BuildItem item, String outcome) {}

    @Override
    public void close() {}
  }
}
