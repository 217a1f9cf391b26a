package dev.trinity.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.trinity.test.RedisServerProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.sync.RedisCommands;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fleet of real JVMs ({@link FleetWorkerMain} on the test class path) against one redis-server
 * and one stand-in model server that counts the calls it receives.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetProcessesIT {
  @RegisterExtension static final RedisServerProcess redis = RedisServerProcess.create();

  @TempDir Path dir;

  private final MockWebServer server = new MockWebServer();
  private final AtomicInteger calls = new AtomicInteger();
  private final Map<String, AtomicInteger> callsPerPrompt = new ConcurrentHashMap<>();
  private final CountDownLatch release = new CountDownLatch(1);
  private final AtomicLong secondCallNanos = new AtomicLong();
  private final List<Process> workers = new ArrayList<>();
  private volatile boolean holdFirst;
  // when set, every answer waits here until the test lets it go
  private volatile boolean holdAll;
  private final java.util.concurrent.Semaphore answers = new java.util.concurrent.Semaphore(0);
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();
  private volatile long delayMs = 5;
  private RedisClient raw;
  private RedisCommands<String, String> redisCommands;

  @BeforeEach
  void start() throws Exception {
    if (!redisUp()) {
      redis.start();
    }
    server.setDispatcher(
        new Dispatcher() {
          @Override
          public MockResponse dispatch(RecordedRequest request) throws InterruptedException {
            String body = request.getBody() == null ? "" : request.getBody().utf8();
            callsPerPrompt.computeIfAbsent(body, k -> new AtomicInteger()).incrementAndGet();
            int n = calls.incrementAndGet();
            mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
              if (holdFirst && n == 1) {
                release.await(60, TimeUnit.SECONDS);
              }
              if (holdAll) {
                answers.tryAcquire(60, TimeUnit.SECONDS);
              }
            } finally {
              inFlight.decrementAndGet();
            }
            if (n == 2) {
              secondCallNanos.set(System.nanoTime());
            }
            return new MockResponse.Builder()
                .code(200)
                .addHeader("Content-Type", "application/json")
                .body("{\"text\":\"answer " + n + "\",\"prompt_tokens\":3,\"completion_tokens\":5}")
                .headersDelay(delayMs, TimeUnit.MILLISECONDS)
                .build();
          }
        });
    server.start();
    raw = RedisClient.create(RedisURI.create("redis://127.0.0.1:" + redis.port()));
    redisCommands = raw.connect().sync();
    redisCommands.flushall();
  }

  /** Whether the model server has had at least {@code n} calls from each worker's prompts. */
  private boolean everyWorkerCalled(int n) {
    for (int id = 0; id < 3; id++) {
      String tag = "w" + id + " ";
      int seen =
          callsPerPrompt.entrySet().stream()
              .filter(e -> e.getKey().contains(tag))
              .mapToInt(e -> e.getValue().get())
              .sum();
      if (seen < n) {
        return false;
      }
    }
    return true;
  }

  private static boolean redisUp() {
    try (java.net.Socket s = new java.net.Socket("127.0.0.1", redis.port())) {
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  @AfterEach
  void stop() {
    release.countDown();
    holdAll = false;
    answers.release(10_000);
    workers.forEach(Process::destroyForcibly);
    raw.shutdown();
    server.close();
  }

  private Process worker(int id, int requests, int prompts, long leaseMs, String... more)
      throws Exception {
    Path out = dir.resolve("worker-" + id + ".out");
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                System.getProperty("java.class.path"),
                FleetWorkerMain.class.getName(),
                Integer.toString(redis.port()),
                server.url("/").toString(),
                Integer.toString(requests),
                Integer.toString(prompts),
                Integer.toString(id),
                Long.toString(leaseMs),
                "50",
                more.length > 0 ? more[0] : "")
            .redirectErrorStream(true)
            .redirectOutput(out.toFile())
            .start();
    workers.add(p);
    return p;
  }

  private String result(int id, Process p) throws Exception {
    assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("worker %s finished", id).isTrue();
    List<String> lines = Files.readAllLines(dir.resolve("worker-" + id + ".out"));
    return lines.stream()
        .filter(l -> l.startsWith("RESULT"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("worker " + id + " printed no result: " + lines));
  }

  @Test
  void aThousandRequestsOverAHundredPromptsOnThreeJvmsMakeExactlyAHundredCalls() throws Exception {
    List<Process> fleet = new ArrayList<>();
    for (int id = 0; id < 3; id++) {
      fleet.add(worker(id, id == 0 ? 334 : 333, 100, 10_000));
    }

    int ok = 0;
    for (int id = 0; id < 3; id++) {
      String r = result(id, fleet.get(id));
      assertThat(r).endsWith("failed=0");
      ok += Integer.parseInt(r.replaceAll(".*ok=(\\d+).*", "$1"));
    }
    assertThat(ok).isEqualTo(1000);
    StringBuilder logs = new StringBuilder();
    for (int id = 0; id < 3; id++) {
      logs.append(Files.readString(dir.resolve("worker-" + id + ".out")));
    }
    assertThat(calls).as("provider calls; worker output:%n%s", logs).hasValue(100);
    assertThat(callsPerPrompt).hasSize(100).allSatisfy((prompt, n) -> assertThat(n).hasValue(1));
  }

  @Test
  void withAFleetLimitOfFourThreeJvmsNeverPutMoreThanFourCallsOnTheServer() throws Exception {
    holdAll = true;
    int perWorker = 40;
    int total = 3 * perWorker;
    List<Process> fleet = new ArrayList<>();
    for (int id = 0; id < 3; id++) {
      fleet.add(worker(id, perWorker, perWorker, 10_000, "limit=4"));
    }

    // each JVM sends from 8 threads under a local limit of 8; the server is kept full: four at a
    // time (counted as they arrive, before they are answered), until the last four
    for (int answered = 0; answered < total; answered++) {
      int expected = Math.min(4, total - answered);
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(2))
          .until(() -> inFlight.get() == expected);
      answers.release();
    }

    for (int id = 0; id < 3; id++) {
      assertThat(result(id, fleet.get(id))).isEqualTo("RESULT ok=" + perWorker + " failed=0");
    }
    assertThat(calls).hasValue(total);
    assertThat(mostInFlight).hasValue(4);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> redisCommands.keys("trinity:permits:*").isEmpty());
  }

  @Test
  void killingTheJvmThatHoldsTheLeaseMidCallLetsAnotherTakeOverAndNoneFail() throws Exception {
    holdFirst = true;
    long leaseMs = 1_000;
    Map<Long, Integer> idsByPid = new ConcurrentHashMap<>();
    for (int id = 0; id < 3; id++) {
      idsByPid.put(worker(id, 1, 1, leaseMs).pid(), id);
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> calls.get() == 1);
    List<String> leases = redisCommands.keys("fleet-jvm:lease:*");
    assertThat(leases).hasSize(1);
    long ownerPid = Long.parseLong(redisCommands.get(leases.get(0)).split(":")[0]);
    int owner = idsByPid.get(ownerPid);

    long killed = System.nanoTime();
    workers.get(owner).destroyForcibly(); // SIGKILL: no release, no goodbye
    assertThat(workers.get(owner).waitFor(10, TimeUnit.SECONDS)).isTrue();

    for (int id = 0; id < 3; id++) {
      if (id != owner) {
        assertThat(result(id, workers.get(id))).isEqualTo("RESULT ok=1 failed=0");
      }
    }
    assertThat(calls).hasValue(2);
    // the lease had at most lease time left when the owner died; one poll later it is taken
    assertThat(Duration.ofNanos(secondCallNanos.get() - killed))
        .isLessThan(Duration.ofMillis(leaseMs + 50 + 750));
  }

  @Test
  @Order(Integer.MAX_VALUE) // the others run against a Redis that was never killed
  void killingRedisMidRunAndRestartingItFailsNoRequestAndEveryJvmDegradesThenRestores()
      throws Exception {
    delayMs = 20;
    List<Process> fleet = new ArrayList<>();
    for (int id = 0; id < 3; id++) {
      fleet.add(worker(id, 600, 600, 10_000, "until-restored"));
    }
    await().atMost(Duration.ofSeconds(30)).until(() -> everyWorkerCalled(10));
    redis.kill();
    await().atMost(Duration.ofSeconds(30)).until(() -> everyWorkerCalled(60));
    redis.start();

    for (int id = 0; id < 3; id++) {
      String r = result(id, fleet.get(id));
      assertThat(r).endsWith("failed=0");
      String log = Files.readString(dir.resolve("worker-" + id + ".out"));
      assertThat(log).as("worker %s log", id).contains("EVENT fleet_degraded");
      assertThat(log.lastIndexOf("EVENT fleet_restored"))
          .as("worker %s restored after its last degradation", id)
          .isGreaterThan(log.lastIndexOf("EVENT fleet_degraded"));
    }
  }
}
