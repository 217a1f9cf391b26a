package dev.trinity.core.resilience;

import static dev.trinity.core.resilience.ProviderFailures.clientError;
import static dev.trinity.core.resilience.ProviderFailures.serverError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.api.CircuitOpenException;
import dev.trinity.core.resilience.CircuitBreaker.State;
import dev.trinity.core.resilience.CircuitBreakerConfig.Mode;
import dev.trinity.test.VirtualTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CircuitBreakerFailureRateTest {
  private final VirtualTime time = new VirtualTime();

  /** Window of 10 calls, judged from 5 calls on, opening at 50 % failures. */
  private final CircuitBreaker breaker =
      CircuitBreaker.of(
          "openai",
          ProviderFailures.pipelineBreaker()
              .mode(Mode.FAILURE_RATE)
              .slidingWindowSize(10)
              .minimumNumberOfCalls(5)
              .failureRateThreshold(50)
              .build(),
          time.clock());

  private void run(Door door, String outcomes) {
    for (char c : outcomes.toCharArray()) {
      switch (c) {
        case 'S' -> door.succeed(breaker);
        case 'F' -> door.fail(breaker, serverError());
        case 'I' -> door.fail(breaker, clientError());
        default -> throw new IllegalArgumentException("S, F or I, not " + c);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void neverOpensBeforeTheMinimumNumberOfCalls(Door door) {
    run(door, "FFFF");

    assertThat(breaker.state()).isEqualTo(State.CLOSED);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void aSuccessNeverOpensItButTheNextFailureDoes(Door door) {
    run(door, "FFFF");
    run(door, "S");
    assertThat(breaker.state())
        .as("4 of 5 failed, but an answer just came")
        .isEqualTo(State.CLOSED);

    run(door, "F");
    assertThat(breaker.state()).as("5 of 6 failed: 83 %").isEqualTo(State.OPEN);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void staysClosedBelowTheRateAndOpensWhenItReachesIt(Door door) {
    run(door, "SSSFF");
    assertThat(breaker.state()).as("2 of 5: 40 %").isEqualTo(State.CLOSED);

    run(door, "F");
    assertThat(breaker.state()).as("3 of 6: 50 %").isEqualTo(State.OPEN);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void oldOutcomesSlideOutOfTheWindow(Door door) {
    run(door, "FSSSSSSSSS");
    assertThat(breaker.state()).as("1 of 10").isEqualTo(State.CLOSED);

    run(door, "FFFF");
    assertThat(breaker.state())
        .as("the first failure has slid out: 4 of 10")
        .isEqualTo(State.CLOSED);

    run(door, "F");
    assertThat(breaker.state()).as("5 of 10").isEqualTo(State.OPEN);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void callsThatDoNotCountStayOutOfTheWindow(Door door) {
    run(door, "IIIIIIIIII");
    run(door, "FFFF");
    assertThat(breaker.state()).as("4 counted calls, below the minimum").isEqualTo(State.CLOSED);

    run(door, "F");
    assertThat(breaker.state()).isEqualTo(State.OPEN);
  }

  @ParameterizedTest
  @EnumSource(Door.class)
  void probesTheSameWayAsTheConsecutiveMode(Door door) {
    run(door, "FFFFF");
    assertThat(door.succeed(breaker)).isInstanceOf(CircuitOpenException.class);
    time.advance(CircuitBreakerConfig.DEFAULT_OPEN_DURATION);

    run(door, "S");
    assertThat(breaker.state()).isEqualTo(State.CLOSED);
    run(door, "FFFF");
    assertThat(breaker.state())
        .as("closing starts a fresh window, so four failures are below the minimum again")
        .isEqualTo(State.CLOSED);
  }
}
