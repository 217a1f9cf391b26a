package dev.trinity.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.logging.CorrelationContext;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tokens of concurrent generations, told apart by correlation id, reach the display. */
class StreamedTokensTest {

  /** What the display was told: tokens and generations in flight, per call. */
  static final class Shown extends Progress {
    final List<String> calls = new ArrayList<>();

    @Override
    void update(int done, int failed, BuildItem item, String outcome) {}

    @Override
    void streamed(int tokens, int inFlight) {
      calls.add(tokens + "/" + inFlight);
    }

    @Override
    public void close() {}
  }

  private static void piece(StreamedTokens tokens, String id, int chunks) {
    try (CorrelationContext c = CorrelationContext.open(id)) {
      tokens.generated(chunks, chunks * 4);
    }
  }

  @Test
  void sumsTheGenerationsInFlightAndKeepsTheFinishedOnesCount() {
    StreamedTokens tokens = new StreamedTokens();
    Shown shown = new Shown();
    tokens.showOn(shown);

    piece(tokens, "run-1", 1);
    piece(tokens, "run-2", 1);
    piece(tokens, "run-1", 2);
    tokens.finished("run-1");
    piece(tokens, "run-2", 5);
    tokens.finished("run-2");

    assertThat(shown.calls).containsExactly("1/1", "2/2", "3/2", "3/1", "7/1", "7/0");
  }

  @Test
  void aRepairStartsItsGenerationsCountAgain() {
    StreamedTokens tokens = new StreamedTokens();
    Shown shown = new Shown();
    tokens.showOn(shown);

    piece(tokens, "run-1", 9);
    piece(tokens, "run-1", 1); // the repair call's first piece

    assertThat(shown.calls).containsExactly("9/1", "1/1");
  }

  @Test
  void countsHeardBeforeTheDisplayIsAttachedAreShownOnAttaching() {
    StreamedTokens tokens = new StreamedTokens();
    piece(tokens, "run-1", 3);
    Shown shown = new Shown();

    tokens.showOn(shown);

    assertThat(shown.calls).containsExactly("3/1");
  }

  @Test
  void nothingIsShownWhenNothingStreamed() {
    StreamedTokens tokens = new StreamedTokens();
    Shown shown = new Shown();
    tokens.showOn(shown);

    tokens.finished("run-1");

    assertThat(shown.calls).isEmpty();
  }
}
