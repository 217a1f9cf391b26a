package dev.trinity.core;

import dev.trinity.api.LlmRequest;
import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.TierType;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One JVM of a fleet, for {@link FleetProcessesIT}: builds a fleet-mode instance against the given
 * redis-server and model server, sends its requests from 8 threads, and prints {@code RESULT ok=<n>
 * failed=<n>}.
 *
 * <p>Arguments: redis port, model base URL, number of requests, number of distinct prompts, random
 * seed, lease time in ms, poll interval in ms.
 */
public final class FleetWorkerMain {
  private FleetWorkerMain() {}

  public static void main(String[] args) throws Exception {
    int redisPort = Integer.parseInt(args[0]);
    String baseUrl = args[1];
    int requests = Integer.parseInt(args[2]);
    int prompts = Integer.parseInt(args[3]);
    long seed = Long.parseLong(args[4]);
    Duration lease = Duration.ofMillis(Long.parseLong(args[5]));
    Duration poll = Duration.ofMillis(Long.parseLong(args[6]));
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      order.add(i % prompts);
    }
    Collections.shuffle(order, new Random(seed));
    AtomicInteger ok = new AtomicInteger();
    AtomicInteger failed = new AtomicInteger();
    try (Trinity trinity =
        Trinity.builder()
            .llm(
                LlmConfig.builder()
                    .provider(JsonTestProvider.NAME)
                    .baseUrl(baseUrl)
                    .model("m")
                    .timeout(Duration.ofSeconds(30))
                    .build())
            .cache(
                CacheConfig.builder()
                    .tiers(TierType.MEMORY, TierType.REDIS)
                    .redis(r -> r.host("127.0.0.1").port(redisPort).keyPrefix("fleet-jvm:"))
                    .build())
            .fleet(
                FleetConfig.ofDefaults()
                    .withEnabled(true)
                    .withLeaseTime(lease)
                    .withPollInterval(poll))
            .registerProvider(JsonTestProvider.factory())
            .build()) {
      // ready when the shared tier is: before that no answer could be shared (readiness probe)
      org.awaitility.Awaitility.await()
          .atMost(Duration.ofSeconds(20))
          .until(() -> trinity.cache().health().get("redis").isUp());
      ExecutorService callers = Executors.newFixedThreadPool(8);
      for (int prompt : order) {
        callers.execute(
            () -> {
              try {
                trinity.llm().generate(LlmRequest.of("portfolio " + prompt));
                ok.incrementAndGet();
              } catch (RuntimeException e) {
                failed.incrementAndGet();
                System.err.println("FAILED " + e);
              }
            });
      }
      callers.shutdown();
      callers.awaitTermination(2, TimeUnit.MINUTES);
    }
    System.out.println("RESULT ok=" + ok.get() + " failed=" + failed.get());
    System.out.flush();
    System.exit(0);
  }
}
