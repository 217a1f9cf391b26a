package dev.trinity.examples.bench;

import ch.qos.logback.classic.Level;
import dev.trinity.core.resilience.CircuitBreakerConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The transient-fault run over 50 seeds: 200 requests at once, 20% of connections reset at random,
 * limit 8, 3 attempts. Prints the failed requests of every run, then the total, the worst run and
 * the runs in which the breaker opened, for the default breaker and for the "5 failures / 60 s"
 * preset.
 *
 * <p>Run: {@code ./mvnw -q -pl trinity-examples -am compile exec:java
 * -Dexec.mainClass=dev.trinity.examples.bench.TransientFaultBenchmark [-Dexec.args="50 0.2"]}
 * (seeds, reset rate).
 */
public final class TransientFaultBenchmark {
  private TransientFaultBenchmark() {}

  /**
   * Runs the benchmark.
   *
   * @param args optional: number of seeds (default 50), reset rate (default 0.2)
   */
  public static void main(String[] args) {
    // every failed request logs an error line; the counts below are the report
    ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME))
        .setLevel(Level.OFF);
    int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 50;
    double rate = args.length > 1 ? Double.parseDouble(args[1]) : 0.20;
    TransientFaultScenario base = TransientFaultScenario.issue10().withFailureRate(rate);
    report("default breaker " + CircuitBreakerConfig.ofDefaults(), base, seeds);
    report(
        "preset consecutiveFailures() " + CircuitBreakerConfig.consecutiveFailures(),
        base.withBreaker(CircuitBreakerConfig.consecutiveFailures()),
        seeds);
  }

  private static void report(String title, TransientFaultScenario scenario, int seeds) {
    System.out.println("== " + title);
    System.out.printf(
        "%d requests at once, %.0f%% resets, limit %d, %d attempts%n",
        scenario.requests(),
        scenario.failureRate() * 100,
        scenario.maxConcurrency(),
        scenario.retry().maxAttempts());
    int total = 0;
    int worst = 0;
    int runsWithOpening = 0;
    int fewestCalls = Integer.MAX_VALUE;
    int mostCalls = 0;
    StringBuilder perRun = new StringBuilder();
    for (long seed = 1; seed <= seeds; seed++) {
      TransientFaultScenario.Result r = scenario.run(seed);
      total += r.failed();
      worst = Math.max(worst, r.failed());
      fewestCalls = Math.min(fewestCalls, r.providerCalls());
      mostCalls = Math.max(mostCalls, r.providerCalls());
      if (r.breakerOpenings() > 0) {
        runsWithOpening++;
      }
      perRun.append(r.failed()).append(r.breakerOpenings() > 0 ? "*" : "").append(' ');
    }
    System.out.println("failed requests per run (seed 1.." + seeds + ", * = breaker opened):");
    System.out.println(perRun.toString().strip());
    System.out.printf(
        "total %d of %d (%.2f%%), worst run %d, runs with the breaker open: %d%n",
        total,
        seeds * scenario.requests(),
        total * 100.0 / (seeds * scenario.requests()),
        worst,
        runsWithOpening);
    System.out.printf(
        "calls that reached the endpoint per run: %d to %d%n%n", fewestCalls, mostCalls);
  }
}
