package dev.trinity.cli.internal;

import dev.trinity.api.content.StreamProgress;
import dev.trinity.logging.CorrelationContext;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts the tokens a run's generations have streamed so far, told apart by their correlation ids,
 * and shows the totals on the current phase's {@link Progress}. The engine is built before the
 * progress display, so the display is attached later ({@link #showOn}); until then the counts are
 * kept and shown on attaching. Thread-safe: the engine calls it from the threads that read the
 * streams.
 */
final class StreamedTokens implements StreamProgress {
  private static final String UNKNOWN = "";

  private final Map<String, Integer> tokens = new ConcurrentHashMap<>();
  private final Set<String> finished = ConcurrentHashMap.newKeySet();
  private volatile Progress display = Progress.none();

  @Override
  public void generated(int chunks, int characters) {
    String id = CorrelationContext.current();
    tokens.put(id == null ? UNKNOWN : id, chunks);
    show();
  }

  /** A generation ended (answered or failed): it is no longer in flight. */
  void finished(String correlationId) {
    finished.add(correlationId);
    show();
  }

  /** Shows the counts on {@code progress} from now on. */
  void showOn(Progress progress) {
    display = progress;
    show();
  }

  private void show() {
    int total = 0;
    int inFlight = 0;
    for (Map.Entry<String, Integer> e : tokens.entrySet()) {
      total += e.getValue();
      if (!finished.contains(e.getKey())) {
        inFlight++;
      }
    }
    if (!tokens.isEmpty()) {
      display.streamed(total, inFlight);
    }
  }
}
