package dev.shortlease.benchmark.load;

import java.time.Duration;
import java.util.Objects;
import java.util.function.BooleanSupplier;

/**
 * Load generator: how long a point warms up before its window opens. At least {@code minimum};
 * then, every {@code checkEvery}, until {@code settled} says so or {@code maximum} is reached. A
 * fresh JVM at C ≥ 1000 on two cores still compiles for about a minute, and that JIT time would be
 * counted as the service's CPU per chat ({@link JitQuiet} is the usual {@code settled}).
 */
public record Warmup(
    Duration minimum, Duration maximum, Duration checkEvery, BooleanSupplier settled) {

  public Warmup {
    Objects.requireNonNull(settled, "settled");
    if (minimum.isNegative() || maximum.compareTo(minimum) < 0 || !checkEvery.isPositive()) {
      throw new IllegalArgumentException(
          "need 0 <= minimum <= maximum and a positive check interval");
    }
  }

  /** Exactly {@code duration}, whatever happens. */
  public static Warmup fixed(Duration duration) {
    return new Warmup(duration, duration, Duration.ofSeconds(1), () -> true);
  }

  /**
   * Waits from {@code startNanos} for the warm-up to end, and returns when it ended ({@link
   * System#nanoTime()}).
   */
  long await(long startNanos) throws InterruptedException {
    long earliest = startNanos + minimum.toNanos();
    long latest = startNanos + maximum.toNanos();
    ClosedLoopLoad.sleepUntil(earliest);
    while (System.nanoTime() - latest < 0 && !settled.getAsBoolean()) {
      ClosedLoopLoad.sleepUntil(Math.min(System.nanoTime() + checkEvery.toNanos(), latest));
    }
    return System.nanoTime();
  }
}
