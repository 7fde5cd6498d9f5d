package dev.shortlease.benchmark;

import java.util.Locale;

/**
 * Benchmark mode: which service the child process runs. {@code scoped} is the production main;
 * {@code held} is the teaching variant that keeps one connection for the whole request.
 */
public enum Mode {
  SCOPED("dev.shortlease.bootstrap.Main", "strict"),
  HELD("dev.shortlease.benchmark.held.HeldSessionTeachingMain", "warn");

  private final String mainClass;
  private final String guardMode;

  Mode(String mainClass, String guardMode) {
    this.mainClass = mainClass;
    this.guardMode = guardMode;
  }

  /** The class whose {@code main} the child JVM runs. */
  public String mainClass() {
    return mainClass;
  }

  /**
   * GUARD_MODE for the child. Held mode runs in {@code warn} so that the measured failure is pool
   * exhaustion, the anti-pattern's real cost, and not the R3 guard refusing the call.
   */
  public String guardMode() {
    return guardMode;
  }

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Mode parse(String text) {
    return valueOf(text.trim().toUpperCase(Locale.ROOT));
  }
}
