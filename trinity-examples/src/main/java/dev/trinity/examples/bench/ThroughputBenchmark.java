package dev.trinity.examples.bench;

import dev.trinity.api.RequestTimeoutException;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.Trinity;
import dev.trinity.core.TrinityConfig;
import dev.trinity.core.resilience.ConcurrencyLimitConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.LoggerFactory;

/**
 * N calls made one after another with the blocking client against N calls started at once with the
 * non-blocking client, against a {@link SimulatedOllamaServer} with a fixed service time per
 * request and a parallelism cap, with the cache bypassed.
 *
 * <p>The gain (sync time / async time) cannot exceed the number of requests the server serves at
 * once: N when it serves at least N ({@code limit N×}), its parallelism otherwise. The table gives
 * the gain as a share of that limit, and as a share of the best possible schedule ({@code N / ⌈N /
 * parallelism⌉}: 10 requests on 4 slots need 3 service times, so 3.33× is the most 10 can get
 * there). 503s are the server's "server busy" answers (its queue was full); they are retried by
 * Trinity, so they cost time and fail the call only when retries run out or the circuit breaker
 * opens (503s count as endpoint failures). A timeout is a call that failed with {@link
 * RequestTimeoutException}.
 *
 * <p>What one call is comes from a {@link Workload}: an LLM {@code generate} ({@link LlmWorkload})
 * here; a content-engine generation plugs in the same way.
 *
 * <p>Run: {@code mvn -B -q -o -pl trinity-examples exec:java
 * -Dexec.mainClass=dev.trinity.examples.bench.ThroughputBenchmark -Dexec.args="300 10,20"}
 */
public final class ThroughputBenchmark {
  /** The queue Ollama allows by default ({@code OLLAMA_MAX_QUEUE}). */
  private static final int OLLAMA_DEFAULT_QUEUE = 512;

  /** The "small max queue" of the scenarios that test overload. */
  private static final int SMALL_QUEUE = 2;

  private ThroughputBenchmark() {}

  /**
   * One server and client set-up.
   *
   * @param name how the table names it
   * @param parallelism the server's slots; 0 means N (as many as requests)
   * @param maxQueue requests the server lets wait before answering 503
   * @param maxConcurrencyN whether {@code llm.max_concurrency} is set to N (else the default, 8)
   * @param limit the client's concurrency limit configuration
   * @param warmupBatches concurrent batches of N run before measuring (for an adaptive limit to
   *     settle)
   */
  record Scenario(
      String name,
      int parallelism,
      int maxQueue,
      boolean maxConcurrencyN,
      ConcurrencyLimitConfig limit,
      int warmupBatches) {}

  /** What one phase measured. */
  record Phase(double seconds, int failures, int timeouts, int retried) {}

  /**
   * Runs the benchmark.
   *
   * @param args service time in ms (default 300), the values of N (default {@code 10,20}), and
   *     optionally the scenario letters to run (default {@code a,b1,b2,b3,b4})
   * @throws Exception when a server cannot start
   */
  public static void main(String[] args) throws Exception {
    if (!Boolean.getBoolean("bench.logs")) {
      // retries and breaker changes are counted in the table; -Dbench.logs=true shows each one
      ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("dev.trinity"))
          .setLevel(ch.qos.logback.classic.Level.OFF);
    }
    Duration service = Duration.ofMillis(args.length > 0 ? Long.parseLong(args[0]) : 300);
    int[] ns =
        Arrays.stream((args.length > 1 ? args[1] : "10,20").split(","))
            .mapToInt(Integer::parseInt)
            .toArray();
    List<String> only = Arrays.asList((args.length > 2 ? args[2] : "a,b1,b2,b3,b4").split(","));

    List<Scenario> scenarios = new ArrayList<>();
    if (only.contains("a")) {
      scenarios.add(
          new Scenario(
              "a: server parallelism N, llm.max_concurrency N",
              0,
              OLLAMA_DEFAULT_QUEUE,
              true,
              fixed(),
              1));
    }
    if (only.contains("b1")) {
      scenarios.add(
          new Scenario(
              "b1: parallelism 4, queue 512, fixed limit 8 (default)",
              4,
              OLLAMA_DEFAULT_QUEUE,
              false,
              fixed(),
              1));
    }
    if (only.contains("b2")) {
      scenarios.add(
          new Scenario(
              "b2: parallelism 4, queue " + SMALL_QUEUE + ", fixed limit 8 (default)",
              4,
              SMALL_QUEUE,
              false,
              fixed(),
              1));
    }
    if (only.contains("b3")) {
      scenarios.add(
          new Scenario(
              "b3: parallelism 4, queue " + SMALL_QUEUE + ", adaptive limit (defaults)",
              4,
              SMALL_QUEUE,
              false,
              adaptive(Double.POSITIVE_INFINITY),
              8));
    }
    if (only.contains("b4")) {
      scenarios.add(
          new Scenario(
              "b4: parallelism 4, queue " + SMALL_QUEUE + ", adaptive limit, latency tolerance 1.5",
              4,
              SMALL_QUEUE,
              false,
              adaptive(1.5),
              8));
    }

    List<String> rows = new ArrayList<>();
    for (Scenario s : scenarios) {
      for (int n : ns) {
        rows.add(run(s, n, service));
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%nThroughput: N sequential LlmClient calls vs N concurrent AsyncLlmClient calls,"
            + " cache bypassed; service time %d ms; %d cores, Java %s%n",
        service.toMillis(),
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.runtime.version"));
    System.out.println(
        "| scenario | N | sync | async | sync req/s | async req/s | gain | limit | gain / limit"
            + " | best schedule | gain / best | 503s | retried calls | failed calls | timeouts"
            + " | client limit after | breaker after |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
  }

  private static String run(Scenario s, int n, Duration service) throws Exception {
    int parallelism = s.parallelism() == 0 ? n : s.parallelism();
    String answer = "{\"tagline\":\"Ships fast, sleeps well\"}";
    try (SimulatedOllamaServer server =
            SimulatedOllamaServer.start(parallelism, service, s.maxQueue(), p -> answer);
        Trinity trinity =
            Trinity.builder()
                .config(
                    TrinityConfig.builder()
                        .llm(
                            LlmConfig.builder()
                                .provider("ollama")
                                .baseUrl(server.baseUrl())
                                .model("bench")
                                .maxConcurrency(
                                    s.maxConcurrencyN() ? n : LlmConfig.DEFAULT_MAX_CONCURRENCY)
                                .build())
                        .concurrencyLimit(s.limit())
                        .build())
                .build()) {
      Workload w = new LlmWorkload(trinity);
      int next = 0;
      List<Integer> limits = new ArrayList<>();
      int warmupRejected = server.rejected();
      for (int b = 0; b < s.warmupBatches(); b++) {
        runAsync(w, n, next);
        next += n;
        limits.add(trinity.concurrencyLimiter().currentLimit());
      }
      runSync(w, 1, next++);
      warmupRejected = server.rejected() - warmupRejected;

      int rejectedBefore = server.rejected();
      Phase sync = runSync(w, n, next);
      next += n;
      Phase async = runAsync(w, n, next);
      int rejected = server.rejected() - rejectedBefore;

      int limit = Math.min(n, parallelism);
      double best = (double) n / Math.ceil((double) n / limit);
      double gain = sync.seconds() / async.seconds();
      int clientLimit = trinity.concurrencyLimiter().currentLimit();
      String breaker =
          trinity.circuitBreakers().statusOfAll().values().stream()
              .map(b -> b.state() + " (" + b.stateChanges() + " changes)")
              .findFirst()
              .orElse("-");
      System.out.printf(
          Locale.ROOT,
          "%s, N=%d: sync %.2f s, async %.2f s, gain %.2fx; warm-up limits %s (%d 503s);"
              + " server max in service %d%n",
          s.name(),
          n,
          sync.seconds(),
          async.seconds(),
          gain,
          limits,
          warmupRejected,
          server.maxInService());
      return String.format(
          Locale.ROOT,
          "| %s | %d | %.2f s | %.2f s | %.2f | %.2f | %.2fx | %dx | %.0f%% | %.2fx | %.0f%% | %d"
              + " | %d | %d | %d | %d | %s |",
          s.name(),
          n,
          sync.seconds(),
          async.seconds(),
          n / sync.seconds(),
          n / async.seconds(),
          gain,
          limit,
          100 * gain / limit,
          best,
          100 * gain / best,
          rejected,
          sync.retried() + async.retried(),
          sync.failures() + async.failures(),
          sync.timeouts() + async.timeouts(),
          clientLimit,
          breaker);
    }
  }

  private static Phase runSync(Workload w, int n, int first) {
    int failures = 0;
    int timeouts = 0;
    int retried = 0;
    long t0 = System.nanoTime();
    for (int i = 0; i < n; i++) {
      try {
        if (w.attempts(w.callSync(first + i)) > 1) {
          retried++;
        }
      } catch (Exception e) {
        failures++;
        if (e instanceof RequestTimeoutException) {
          timeouts++;
        }
      }
    }
    return new Phase((System.nanoTime() - t0) / 1e9, failures, timeouts, retried);
  }

  private static Phase runAsync(Workload w, int n, int first) {
    long t0 = System.nanoTime();
    List<CompletableFuture<?>> calls = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      calls.add(w.callAsync(first + i));
    }
    CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).handle((v, e) -> null).join();
    double seconds = (System.nanoTime() - t0) / 1e9;
    int failures = 0;
    int timeouts = 0;
    int retried = 0;
    for (CompletableFuture<?> c : calls) {
      try {
        if (w.attempts(c.get()) > 1) {
          retried++;
        }
      } catch (ExecutionException | CompletionException e) {
        failures++;
        if (e.getCause() instanceof RequestTimeoutException) {
          timeouts++;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return new Phase(seconds, failures, timeouts, retried);
  }

  private static ConcurrencyLimitConfig fixed() {
    return ConcurrencyLimitConfig.builder().mode(ConcurrencyLimitConfig.Mode.FIXED).build();
  }

  private static ConcurrencyLimitConfig adaptive(double latencyTolerance) {
    return ConcurrencyLimitConfig.builder()
        .mode(ConcurrencyLimitConfig.Mode.ADAPTIVE)
        .latencyTolerance(latencyTolerance)
        .build();
  }
}
