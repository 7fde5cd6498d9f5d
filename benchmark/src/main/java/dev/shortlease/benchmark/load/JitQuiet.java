package dev.shortlease.benchmark.load;

import java.util.function.BooleanSupplier;
import java.util.function.DoubleSupplier;
import java.util.function.LongSupplier;

/**
 * Load generator: true once a JVM's JIT compilers used less than {@code maxCores} of CPU since the
 * previous call (the first call measures from construction). Reads cumulative compiler-thread CPU
 * seconds ({@link dev.shortlease.benchmark.service.ProcStats#jitCpuSeconds}); a JVM whose compiler
 * time cannot be read counts as quiet.
 */
public final class JitQuiet implements BooleanSupplier {
  private final DoubleSupplier jitCpuSeconds;
  private final LongSupplier clock;
  private final double maxCores;
  private double lastSeconds;
  private long lastNanos;

  public JitQuiet(DoubleSupplier jitCpuSeconds, LongSupplier nanoClock, double maxCores) {
    this.jitCpuSeconds = jitCpuSeconds;
    this.clock = nanoClock;
    this.maxCores = maxCores;
    this.lastSeconds = jitCpuSeconds.getAsDouble();
    this.lastNanos = nanoClock.getAsLong();
  }

  @Override
  public synchronized boolean getAsBoolean() {
    double seconds = jitCpuSeconds.getAsDouble();
    long now = clock.getAsLong();
    double elapsed = (now - lastNanos) / 1e9;
    double cores = elapsed <= 0 ? 0 : (seconds - lastSeconds) / elapsed;
    lastSeconds = seconds;
    lastNanos = now;
    return cores < maxCores;
  }
}
