package dev.trinity.examples.bench;

import java.util.Arrays;

/** Percentiles of a sample of durations in nanoseconds. */
record Stats(long[] sortedNanos) {
  static Stats of(long[] nanos) {
    long[] copy = nanos.clone();
    Arrays.sort(copy);
    return new Stats(copy);
  }

  double percentileMicros(double p) {
    int i =
        (int)
            Math.min(
                sortedNanos.length - 1, Math.max(0, Math.ceil(p / 100.0 * sortedNanos.length) - 1));
    return sortedNanos[i] / 1000.0;
  }

  double meanMicros() {
    return Arrays.stream(sortedNanos).average().orElse(0) / 1000.0;
  }
}
