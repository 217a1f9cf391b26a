package dev.trinity.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class ThrowablesTest {
  @Test
  void removesEveryCompletionAndExecutionWrapper() {
    IllegalStateException cause = new IllegalStateException("the real failure");

    assertThat(
            Throwables.unwrap(
                new CompletionException(new ExecutionException(new CompletionException(cause)))))
        .isSameAs(cause);
  }

  @Test
  void unwrapsWhatAFailedFutureThrows() {
    IllegalStateException cause = new IllegalStateException("boom");
    CompletableFuture<String> failed =
        CompletableFuture.<String>failedFuture(cause).thenApply(s -> s + "!");

    Throwable thrown = failed.handle((value, failure) -> failure).join();

    assertThat(thrown).isInstanceOf(CompletionException.class);
    assertThat(Throwables.unwrap(thrown)).isSameAs(cause);
  }

  @Test
  void leavesOtherFailuresAndCauselessWrappersAsTheyAre() {
    RuntimeException wrapperOfAnotherKind = new RuntimeException(new IllegalStateException());
    CompletionException causeless = new CompletionException("no cause", null);

    assertThat(Throwables.unwrap(wrapperOfAnotherKind)).isSameAs(wrapperOfAnotherKind);
    assertThat(Throwables.unwrap(causeless)).isSameAs(causeless);
  }
}
