package dev.trinity.cache.internal;

import java.time.Clock;
import java.time.Instant;

/** Conversions between instants and the numbers the tiers store, saturating instead of failing. */
final class Times {
  private Times() {}

  /**
   * Milliseconds since the epoch, clamped to the range of a {@code long}.
   *
   * @param instant any instant
   * @return the milliseconds
   */
  static long epochMillis(Instant instant) {
    try {
      return instant.toEpochMilli();
    } catch (ArithmeticException e) {
      return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /**
   * Nanoseconds since the epoch, clamped to the range of a {@code long} (about 1677 to 2262).
   *
   * @param instant any instant
   * @return the nanoseconds
   */
  static long epochNanos(Instant instant) {
    try {
      return Math.addExact(
          Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
    } catch (ArithmeticException e) {
      return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /**
   * Milliseconds from {@code clock}'s now to {@code until}.
   *
   * @param clock the clock
   * @param until the instant
   * @return the milliseconds, zero or negative once {@code until} has passed
   */
  static long millisUntil(Clock clock, Instant until) {
    long end = epochMillis(until);
    long now = clock.millis();
    try {
      return Math.subtractExact(end, now);
    } catch (ArithmeticException e) {
      return end > now ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
  }
}
