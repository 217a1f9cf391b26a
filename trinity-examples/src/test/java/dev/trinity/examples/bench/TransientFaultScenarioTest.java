package dev.trinity.examples.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.trinity.core.resilience.CircuitBreakerConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The transient-fault run, seeded and in virtual time, through the public API: 200 requests at
 * once, limit 8, 3 attempts, with an endpoint that resets 20% of its connections, or all of them.
 */
class TransientFaultScenarioTest {
  private static final int SEEDS = 50;

  private static List<TransientFaultScenario.Result> runs(TransientFaultScenario scenario) {
    List<TransientFaultScenario.Result> results = new ArrayList<>();
    for (long seed = 1; seed <= SEEDS; seed++) {
      results.add(scenario.run(seed));
    }
    return results;
  }

  @Test
  void withTheDefaultsTwentyPercentResetsFailAtMostOnePercentOfRequestsOverFiftySeeds() {
    List<TransientFaultScenario.Result> results = runs(TransientFaultScenario.issue10());

    int failed = results.stream().mapToInt(TransientFaultScenario.Result::failed).sum();
    assertThat(failed).as("failed requests of %d", SEEDS * 200).isLessThanOrEqualTo(SEEDS * 2);
    assertThat(results)
        .allSatisfy(
            r -> {
              assertThat(r.breakerOpenings()).as("breaker openings").isZero();
              // what still fails is a request whose 3 attempts were all reset
              assertThat(r.failuresByType().keySet()).isSubsetOf("ConnectionException");
            });
  }

  @Test
  void theOriginalFiveConsecutiveFailuresPresetOpensOnBunchedResetsAndFailsQueuedRequests() {
    List<TransientFaultScenario.Result> results =
        runs(
            TransientFaultScenario.issue10()
                .withBreaker(CircuitBreakerConfig.consecutiveFailures()));

    assertThat(results).anySatisfy(r -> assertThat(r.breakerOpenings()).isPositive());
    assertThat(results)
        .anySatisfy(r -> assertThat(r.failuresByType()).containsKey("CircuitOpenException"));
  }

  @Test
  void aDeadEndpointOpensTheBreakerAtTheTenthFailedCall() {
    TransientFaultScenario.Result r = TransientFaultScenario.issue10().withFailureRate(1.0).run(7);

    assertThat(r.breakerOpenings()).isEqualTo(1);
    // 10 failed calls open it; the 7 others already running at the endpoint end as they would
    assertThat(r.providerCalls()).isEqualTo(17);
    assertThat(r.failed()).isEqualTo(200);
    // the 17 requests whose call failed were refused when their retry came
    assertThat(r.failuresByType()).containsOnlyKeys("CircuitOpenException");
    assertThat(r.sampleFailure())
        .startsWith(
            "Circuit breaker 'flaky@http://model.test:11434' is open after 10 failures in 10 calls;"
                + " last: flaky could not be reached at http://model.test:11434: connection reset;"
                + " call not permitted, next probe in ");
    assertThat(r.duration()).isLessThan(Duration.ofSeconds(2));
  }

  @Test
  void theSameSeedGivesTheSameRun() {
    TransientFaultScenario scenario = TransientFaultScenario.issue10();

    assertThat(scenario.run(42)).isEqualTo(scenario.run(42));
  }
}
