package dev.trinity.core.internal.providers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class FuturesTest {

  @Test
  void mapsTheValueWhenTheSourceCompletes() {
    CompletableFuture<Integer> source = new CompletableFuture<>();
    CompletableFuture<String> mapped = Futures.map(source, i -> "n=" + i);

    source.complete(7);

    assertThat(mapped).isCompletedWithValue("n=7");
  }

  @Test
  void passesTheSourceFailureOnUnwrapped() {
    CompletableFuture<Integer> source = new CompletableFuture<>();
    CompletableFuture<String> mapped = Futures.map(source, i -> "n=" + i);
    IllegalStateException boom = new IllegalStateException("boom");

    source.completeExceptionally(new CompletionException(boom));

    assertThat(mapped)
        .failsWithin(java.time.Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isSameAs(boom);
  }

  @Test
  void failsWithWhatTheMappingThrows() {
    CompletableFuture<Integer> source = CompletableFuture.completedFuture(1);
    IllegalArgumentException bad = new IllegalArgumentException("bad");

    CompletableFuture<String> mapped =
        Futures.map(
            source,
            i -> {
              throw bad;
            });

    assertThat(mapped)
        .failsWithin(java.time.Duration.ZERO)
        .withThrowableOfType(ExecutionException.class)
        .havingCause()
        .isSameAs(bad);
  }

  @Test
  void cancellingTheMappedFutureCancelsTheSource() {
    CompletableFuture<Integer> source = new CompletableFuture<>();
    CompletableFuture<String> mapped = Futures.map(source, i -> "n=" + i);

    mapped.cancel(true);

    assertThat(source).isCancelled();
    assertThat(mapped).isCancelled();
  }

  @Test
  void aCancelledSourceCancelsTheMappedFuture() {
    CompletableFuture<Integer> source = new CompletableFuture<>();
    CompletableFuture<String> mapped = Futures.map(source, i -> "n=" + i);

    source.cancel(true);

    assertThat(mapped).isCancelled();
  }

  @Test
  void completingTheMappedFutureLeavesTheSourceAlone() {
    CompletableFuture<Integer> source = new CompletableFuture<>();
    CompletableFuture<String> mapped = Futures.map(source, i -> "n=" + i);

    mapped.complete("early");

    assertThat(source).isNotDone();
  }
}
