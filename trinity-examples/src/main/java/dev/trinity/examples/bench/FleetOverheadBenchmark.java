package dev.trinity.examples.bench;

import dev.trinity.api.LlmRequest;
import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.TierType;
import dev.trinity.core.FleetConfig;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.Trinity;
import dev.trinity.examples.bench.jmh.CacheTierBenchmark.RedisProcess;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * What fleet mode adds to a request when nothing is shared: sequential requests with distinct
 * prompts (every one a cache miss, so every one takes, and releases, a lease) through two instances
 * with the same memory + Redis cache against a zero-latency loopback model, one with {@code
 * fleet.enabled: false} and one with {@code true}, in alternating blocks. Starts its own {@code
 * redis-server} on a free loopback port.
 *
 * <p>Arguments: calls per instance and run (default 2000), runs (default 5), and optionally the
 * fleet-mode instance's {@code fleet.max_concurrency} (default none): with it, each request also
 * acquires, and after its answer releases, a fleet-wide permit.
 */
public final class FleetOverheadBenchmark {
  private static final int BLOCK = 200;

  private FleetOverheadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int calls = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Integer fleetLimit = args.length > 2 ? Integer.valueOf(args[2]) : null;
    int port = RedisProcess.freePort();
    Process redis = RedisProcess.start(port);
    if (redis == null) {
      return;
    }
    try (LoopbackOllamaResponder model = LoopbackOllamaResponder.start("bench", "answer");
        Trinity local = trinity(model.baseUrl(), port, "local:", false, null);
        Trinity fleet = trinity(model.baseUrl(), port, "fleet:", true, fleetLimit)) {
      List<Double> addedP50 = new ArrayList<>();
      List<Double> addedP90 = new ArrayList<>();
      long prompt = 0;
      for (int run = -1; run < runs; run++) { // run -1 warms up
        long[] off = new long[calls];
        long[] on = new long[calls];
        for (int done = 0; done < calls; done += BLOCK) {
          int n = Math.min(BLOCK, calls - done);
          for (int i = 0; i < n; i++) {
            off[done + i] = time(local, "prompt " + prompt++);
          }
          for (int i = 0; i < n; i++) {
            on[done + i] = time(fleet, "prompt " + prompt++);
          }
        }
        if (run < 0) {
          continue;
        }
        Stats a = Stats.of(off);
        Stats b = Stats.of(on);
        addedP50.add(b.percentileMicros(50) - a.percentileMicros(50));
        addedP90.add(b.percentileMicros(90) - a.percentileMicros(90));
        System.out.printf(
            "run %d: fleet off p50 %.1f µs p90 %.1f µs | fleet on p50 %.1f µs p90 %.1f µs%n",
            run + 1,
            a.percentileMicros(50),
            a.percentileMicros(90),
            b.percentileMicros(50),
            b.percentileMicros(90));
      }
      System.out.printf(
          "fleet mode adds (median over %d runs): p50 %.1f µs, p90 %.1f µs per request%n",
          runs, median(addedP50), median(addedP90));
    } finally {
      redis.destroyForcibly();
    }
  }

  private static long time(Trinity t, String prompt) {
    long t0 = System.nanoTime();
    t.llm().generate(LlmRequest.of(prompt));
    return System.nanoTime() - t0;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }

  private static Trinity trinity(
      URI model, int redisPort, String prefix, boolean fleet, Integer fleetLimit) throws Exception {
    Trinity t =
        Trinity.builder()
            .llm(LlmConfig.builder().provider("ollama").baseUrl(model).model("bench").build())
            .cache(
                CacheConfig.builder()
                    .tiers(TierType.MEMORY, TierType.REDIS)
                    .redis(r -> r.host("127.0.0.1").port(redisPort).keyPrefix(prefix))
                    .build())
            .fleet(FleetConfig.ofDefaults().withEnabled(fleet).withMaxConcurrency(fleetLimit))
            .build();
    // both start measuring with a connected Redis tier (a request before is not shared)
    for (int i = 0; i < 500 && !t.cache().health().get("redis").isUp(); i++) {
      t.llm().generate(LlmRequest.of("connect " + prefix + i));
    }
    return t;
  }
}
