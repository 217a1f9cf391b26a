package dev.trinity.core.resilience;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The two ways into a breaker: the blocking {@code call} and the future-based {@code callAsync}.
 */
enum Door {
  SYNC {
    @Override
    @Nullable Throwable pass(CircuitBreaker breaker, Supplier<String> body) {
      try {
        breaker.call(body);
        return null;
      } catch (RuntimeException e) {
        return e;
      }
    }
  },
  ASYNC {
    @Override
    @Nullable Throwable pass(CircuitBreaker breaker, Supplier<String> body) {
      CompletableFuture<String> result =
          breaker.callAsync(
              () -> {
                try {
                  return CompletableFuture.completedFuture(body.get());
                } catch (RuntimeException e) {
                  return CompletableFuture.failedFuture(e);
                }
              });
      if (!result.isDone()) {
        throw new IllegalStateException("a call on a completed stage must complete at once");
      }
      return result.handle((value, failure) -> failure).join();
    }
  };

  /**
   * Runs {@code body} through this door.
   *
   * @return what the call failed with (unwrapped), or null when it succeeded
   */
  abstract @Nullable Throwable pass(CircuitBreaker breaker, Supplier<String> body);

  /** Runs a call that succeeds. */
  @Nullable Throwable succeed(CircuitBreaker breaker) {
    return pass(breaker, () -> "ok");
  }

  /** Runs a call that fails with {@code failure}. */
  @Nullable Throwable fail(CircuitBreaker breaker, RuntimeException failure) {
    return pass(
        breaker,
        () -> {
          throw failure;
        });
  }
}
