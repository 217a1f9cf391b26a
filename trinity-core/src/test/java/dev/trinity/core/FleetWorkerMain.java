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
 * seed, lease time in ms, poll interval in ms, and optionally either {@code until-restored}: after
 * its requests, keep sending fresh ones until the fleet is no longer degraded (at most 30 s), or
 * {@code limit=<n>}: set {@code fleet.max_concurrency} to n. In both modes each JVM's prompts are
 * its own ({@code w<seed> } in front), so that no request is shared.
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
    String mode = args.length > 7 ? args[7] : "";
    boolean untilRestored = mode.equals("until-restored");
    Integer fleetLimit = mode.startsWith("limit=") ? Integer.valueOf(mode.substring(6)) : null;
    // in these modes each JVM has prompts of its own, so the model server can tell them apart
    String promptPrefix = untilRestored || fleetLimit != null ? "w" + seed + " " : "";
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < requests; i++) {
      order.add(i % prompts);
    }
    Collections.shuffle(order, new Random(seed));
    // Trinity's own events do not reach the console in tests: capture fleet mode's and print them
    dev.trinity.test.LogCapture events =
        dev.trinity.test.LogCapture.of("dev.trinity.core.internal.pipeline.FleetHealth")
            .atLevel(org.slf4j.event.Level.INFO)
            .start();
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
                    .redis(
                        r ->
                            r.host("127.0.0.1")
                                .port(redisPort)
                                .keyPrefix("fleet-jvm:")
                                // the test machine may be loaded: count only real outages
                                .commandTimeout(Duration.ofSeconds(2)))
                    .build())
            .fleet(
                FleetConfig.ofDefaults()
                    .withEnabled(true)
                    .withLeaseTime(lease)
                    .withPollInterval(poll)
                    .withMaxConcurrency(fleetLimit))
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
                trinity.llm().generate(LlmRequest.of(promptPrefix + "portfolio " + prompt));
                ok.incrementAndGet();
              } catch (RuntimeException e) {
                failed.incrementAndGet();
                System.err.println("FAILED " + e);
              }
            });
      }
      callers.shutdown();
      callers.awaitTermination(2, TimeUnit.MINUTES);
      if (untilRestored) {
        AtomicInteger extra = new AtomicInteger();
        org.awaitility.Awaitility.await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(50))
            .until(
                () -> {
                  try {
                    trinity
                        .llm()
                        .generate(LlmRequest.of("after " + seed + " " + extra.incrementAndGet()));
                    ok.incrementAndGet();
                  } catch (RuntimeException e) {
                    failed.incrementAndGet();
                    System.err.println("FAILED " + e);
                  }
                  return !trinity.isFleetDegraded();
                });
      }
    }
    for (var e : events.events()) {
      System.out.println("EVENT " + dev.trinity.test.LogCapture.render(e));
    }
    System.out.println("RESULT ok=" + ok.get() + " failed=" + failed.get());
    System.out.flush();
    System.exit(0);
  }
}
