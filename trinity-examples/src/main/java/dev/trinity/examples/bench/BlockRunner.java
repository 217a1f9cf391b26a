package dev.trinity.examples.bench;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs sequential calls of several ways of doing the same thing in alternating blocks (a block of
 * one, then a block of the next, round after round), so that drift and other processes' load hit
 * all of them alike, while the work one way leaves behind (a thread it started, a timer it woke) is
 * charged to that way and not to its neighbour. Besides each call's wall time it records the
 * process's CPU time per call, which a busy shared machine disturbs less than latency.
 */
final class BlockRunner {
  /** One way of making the call. */
  @FunctionalInterface
  interface Call {
    void run() throws Exception;
  }

  /** What one way measured in one run; failed calls are counted and left out of the latencies. */
  record Result(String name, Stats latency, double cpuMicrosPerCall, int failures) {}

  private final Map<String, Call> calls = new LinkedHashMap<>();
  private final int block;

  BlockRunner(int block) {
    this.block = block;
  }

  BlockRunner add(String name, Call call) {
    calls.put(name, call);
    return this;
  }

  /**
   * Makes {@code n} calls of each way (rounded up to whole blocks) and returns what each measured.
   *
   * @param n calls per way
   * @return one result per way, in the order they were added
   * @throws Exception when a call fails
   */
  List<Result> run(int n) throws Exception {
    List<String> names = new ArrayList<>(calls.keySet());
    List<Call> ways = new ArrayList<>(calls.values());
    int rounds = (n + block - 1) / block;
    long[][] nanos = new long[ways.size()][rounds * block];
    long[] cpu = new long[ways.size()];
    int[] failures = new int[ways.size()];
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    for (int r = 0; r < rounds; r++) {
      for (int w = 0; w < ways.size(); w++) {
        Call call = ways.get(w);
        long cpu0 = os.getProcessCpuTime();
        for (int i = 0; i < block; i++) {
          long t0 = System.nanoTime();
          try {
            call.run();
            nanos[w][r * block + i] = System.nanoTime() - t0;
          } catch (Exception e) {
            // On a zero-latency server the JDK client can, very rarely, lose a race between a
            // pooled connection's idle watcher and the next answer ("header parser received no
            // bytes"); such a call is counted, not timed.
            nanos[w][r * block + i] = -1;
            failures[w]++;
          }
        }
        cpu[w] += os.getProcessCpuTime() - cpu0;
      }
    }
    List<Result> out = new ArrayList<>();
    for (int w = 0; w < ways.size(); w++) {
      long[] timed = Arrays.stream(nanos[w]).filter(x -> x >= 0).toArray();
      out.add(
          new Result(
              names.get(w),
              Stats.of(timed),
              cpu[w] / 1000.0 / (double) (rounds * block),
              failures[w]));
    }
    return out;
  }

  /**
   * The medians over several runs of one way's p50, p90, p99, mean (µs) and CPU per call (µs).
   *
   * @param runs what {@link #run} returned, once per run
   * @param way the way's index
   * @return five medians
   */
  static double[] medians(List<List<Result>> runs, int way) {
    double[][] byStat = new double[5][runs.size()];
    for (int r = 0; r < runs.size(); r++) {
      Result x = runs.get(r).get(way);
      byStat[0][r] = x.latency().percentileMicros(50);
      byStat[1][r] = x.latency().percentileMicros(90);
      byStat[2][r] = x.latency().percentileMicros(99);
      byStat[3][r] = x.latency().meanMicros();
      byStat[4][r] = x.cpuMicrosPerCall();
    }
    double[] out = new double[5];
    for (int i = 0; i < 5; i++) {
      out[i] = median(byStat[i]);
    }
    return out;
  }

  /** Prints how many calls failed in all runs, when any did. */
  static void printFailures(List<List<Result>> runs) {
    for (int w = 0; w < runs.get(0).size(); w++) {
      int failed = 0;
      for (List<Result> run : runs) {
        failed += run.get(w).failures();
      }
      if (failed > 0) {
        System.out.printf("(%s: %d failed calls, not timed)%n", runs.get(0).get(w).name(), failed);
      }
    }
  }

  /** Prints the header of a table of {@link #medians} rows. */
  static void printHeader() {
    System.out.printf("| | p50 | p90 | p99 | mean | process CPU per call |%n");
    System.out.printf("|---|---|---|---|---|---|%n");
  }

  /** Prints one row of {@link #medians}. */
  static void printRow(String name, double[] v) {
    System.out.printf(
        Locale.ROOT,
        "| %s | %.1f µs | %.1f µs | %.1f µs | %.1f µs | %.1f µs |%n",
        name,
        v[0],
        v[1],
        v[2],
        v[3],
        v[4]);
  }

  /** The median of a few numbers. */
  static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    int m = v.length / 2;
    return v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
  }
}
