package dev.trinity.examples.bench;

import dev.trinity.api.CachePolicy;
import dev.trinity.api.LlmRequest;
import dev.trinity.api.LlmResponse;
import dev.trinity.api.Message;
import dev.trinity.api.RequestTimeoutException;
import dev.trinity.cache.CacheConfig;
import dev.trinity.cache.TierType;
import dev.trinity.core.FleetConfig;
import dev.trinity.core.LlmConfig;
import dev.trinity.core.Trinity;
import dev.trinity.core.resilience.ConcurrencyLimitConfig;
import dev.trinity.examples.bench.jmh.CacheTierBenchmark.RedisProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Several JVMs, each with a local limit of 8, against one {@link SimulatedOllamaServer} of
 * parallelism 4 with a short queue: without a fleet limit they put up to 8 × JVMs requests on it
 * (503s beyond its queue, retries, timeouts); with {@code fleet.max_concurrency: 4} the fleet waits
 * its turn in Redis instead. Starts its own {@code redis-server}; the worker JVMs are this class
 * with {@code worker} as first argument, started together once all are ready.
 *
 * <p>Arguments: JVMs (default 4), requests per JVM (default 40), service time in ms (default 200),
 * server queue (default 2), request timeout in ms (default 10000).
 */
public final class FleetThroughputBenchmark {
  private FleetThroughputBenchmark() {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("worker")) {
      worker(args);
      return;
    }
    int jvms = args.length > 0 ? Integer.parseInt(args[0]) : 4;
    int perJvm = args.length > 1 ? Integer.parseInt(args[1]) : 40;
    Duration service = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 200);
    int queue = args.length > 3 ? Integer.parseInt(args[3]) : 2;
    long timeoutMs = args.length > 4 ? Long.parseLong(args[4]) : 10_000;
    int redisPort = RedisProcess.freePort();
    Process redis = RedisProcess.start(redisPort);
    if (redis == null) {
      return;
    }
    try {
      for (int limit : new int[] {0, 4}) {
        try (SimulatedOllamaServer server =
            SimulatedOllamaServer.start(4, service, queue, prompt -> "answer")) {
          run(jvms, perJvm, service, timeoutMs, redisPort, server, limit);
        }
      }
    } finally {
      redis.destroyForcibly();
    }
  }

  private static void run(
      int jvms,
      int perJvm,
      Duration service,
      long timeoutMs,
      int redisPort,
      SimulatedOllamaServer server,
      int limit)
      throws Exception {
    List<Process> workers = new ArrayList<>();
    List<BufferedReader> outs = new ArrayList<>();
    for (int id = 0; id < jvms; id++) {
      Process p =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                  "-Xmx256m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  FleetThroughputBenchmark.class.getName(),
                  "worker",
                  Integer.toString(redisPort),
                  server.baseUrl().toString(),
                  Integer.toString(perJvm),
                  Integer.toString(limit),
                  Long.toString(timeoutMs),
                  "tp" + limit + ":",
                  Integer.toString(id))
              .redirectError(ProcessBuilder.Redirect.DISCARD)
              .start();
      workers.add(p);
      outs.add(
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
    }
    for (BufferedReader out : outs) {
      String line;
      while ((line = out.readLine()) != null && !line.equals("READY")) {
        // start-up output
      }
    }
    long t0 = System.nanoTime();
    for (Process p : workers) {
      Writer in = new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8);
      in.write("go\n");
      in.flush();
    }
    int ok = 0;
    int timeouts = 0;
    int failed = 0;
    for (BufferedReader out : outs) {
      String line;
      while ((line = out.readLine()) != null && !line.startsWith("RESULT")) {
        // progress
      }
      if (line == null) {
        throw new IllegalStateException("a worker printed no result");
      }
      String[] f = line.split(" ");
      ok += Integer.parseInt(f[1].substring(3));
      timeouts += Integer.parseInt(f[2].substring(9));
      failed += Integer.parseInt(f[3].substring(7));
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    for (Process p : workers) {
      p.waitFor(30, TimeUnit.SECONDS);
    }
    int total = jvms * perJvm;
    double ideal = Math.ceil(total / 4.0) * service.toMillis() / 1000.0;
    System.out.printf(
        "%d JVMs × %d, fleet limit %s: %.2f s (ideal %.2f s, %.0f%% of capacity), ok %d,"
            + " timeouts %d, other failures %d, server requests %d, 503s %d, %.1f answered req/s%n",
        jvms,
        perJvm,
        limit == 0 ? "none" : Integer.toString(limit),
        seconds,
        ideal,
        100 * ideal / seconds * ok / total,
        ok,
        timeouts,
        failed,
        server.requests(),
        server.rejected(),
        ok / seconds);
  }

  private static void worker(String[] args) throws Exception {
    int redisPort = Integer.parseInt(args[1]);
    String baseUrl = args[2];
    int requests = Integer.parseInt(args[3]);
    int limit = Integer.parseInt(args[4]);
    Duration timeout = Duration.ofMillis(Long.parseLong(args[5]));
    String prefix = args[6];
    String id = args[7];
    try (Trinity t =
        Trinity.builder()
            .llm(LlmConfig.builder().provider("ollama").baseUrl(baseUrl).model("bench").build())
            .concurrencyLimit(
                ConcurrencyLimitConfig.builder().maxConcurrency(8).queueCapacity(1_000).build())
            .cache(
                CacheConfig.builder()
                    .tiers(TierType.MEMORY, TierType.REDIS)
                    .redis(r -> r.host("127.0.0.1").port(redisPort).keyPrefix(prefix))
                    .build())
            .fleet(
                FleetConfig.ofDefaults()
                    .withEnabled(true)
                    .withMaxConcurrency(limit == 0 ? null : limit))
            .build()) {
      for (int i = 0; i < 200 && !t.cache().health().get("redis").isUp(); i++) {
        TimeUnit.MILLISECONDS.sleep(10);
      }
      System.out.println("READY");
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      List<CompletableFuture<LlmResponse>> sent = new ArrayList<>();
      for (int i = 0; i < requests; i++) {
        sent.add(
            t.llmAsync()
                .generate(
                    LlmRequest.builder()
                        .addMessage(Message.user("jvm " + id + " request " + i))
                        .cachePolicy(CachePolicy.BYPASS)
                        .timeout(timeout)
                        .build()));
      }
      int ok = 0;
      int timeouts = 0;
      int failed = 0;
      for (CompletableFuture<LlmResponse> f : sent) {
        try {
          f.join();
          ok++;
        } catch (RuntimeException e) {
          if (e.getCause() instanceof RequestTimeoutException) {
            timeouts++;
          } else {
            failed++;
          }
        }
      }
      System.out.println("RESULT ok=" + ok + " timeouts=" + timeouts + " failed=" + failed);
      System.out.flush();
    }
  }
}
