package dev.shortlease.benchmark.report;

/**
 * The CI regression guard's rule: in one short run of {@code floor} and {@code scoped} side by
 * side, scoped's service CPU per chat divided by the floor's must stay at or below {@link
 * #MAX_CPU_PER_CHAT_RATIO}. A ratio, not a time: both modes ran on the same machine within the same
 * minute, so a slow or busy CI machine moves both. A change that doubles the hot path's cost moves
 * the ratio by about 2x and trips it.
 *
 * <p>The CPU compared is without the JIT compiler threads ({@link
 * PointResult#serverCpuMsPerChatWithoutJit()}): 8 s after its start a JVM still compiles, and
 * scoped, with far more code, compiles more. Why 3.0: today's code measured 1.42×, 1.96× and 1.96×
 * at the guard's point (a 2-core machine with a load average of 4–7), so a doubled hot path lands
 * at 2.8–3.9× ({@code docs/benchmark.md}, <em>The regression guard</em>).
 */
public final class RegressionGuard {

  /** The limit on scoped's CPU per chat over the floor's. */
  public static final double MAX_CPU_PER_CHAT_RATIO = 3.0;

  /** Fewer chats than this in either mode's window say nothing about the CPU per chat. */
  public static final long MIN_CHATS = 100;

  /**
   * The guard's verdict with the numbers it came from, for the failure message. Not {@code
   * conclusive} when the run cannot tell (too few chats, failed chats, no CPU reading): a busy
   * machine, not a slow hot path; the test runs the pair once more before it fails.
   */
  public record Verdict(boolean passed, boolean conclusive, double ratio, String explanation) {}

  private RegressionGuard() {}

  public static Verdict compare(PointResult scoped, PointResult floor) {
    return compare(scoped, floor, MAX_CPU_PER_CHAT_RATIO);
  }

  public static Verdict compare(PointResult scoped, PointResult floor, double maxRatio) {
    String numbers =
        "scoped %.3f ms CPU/chat over %d chats (%d errors), floor %.3f ms over %d chats (%d errors)"
            .formatted(
                scoped.serverCpuMsPerChatWithoutJit(),
                scoped.completed(),
                scoped.errors(),
                floor.serverCpuMsPerChatWithoutJit(),
                floor.completed(),
                floor.errors());
    if (scoped.completed() < MIN_CHATS || floor.completed() < MIN_CHATS) {
      return new Verdict(
          false,
          false,
          Double.NaN,
          "too few chats to compare (fewer than " + MIN_CHATS + "): " + numbers);
    }
    if (scoped.errors() > 0 || floor.errors() > 0) {
      return new Verdict(
          false, false, Double.NaN, "chats failed, the CPU per chat means nothing: " + numbers);
    }
    double ratio = scoped.serverCpuMsPerChatWithoutJit() / floor.serverCpuMsPerChatWithoutJit();
    if (!Double.isFinite(ratio) || floor.serverCpuMsPerChatWithoutJit() <= 0) {
      return new Verdict(false, false, ratio, "no CPU reading (is /proc readable?): " + numbers);
    }
    boolean passed = ratio <= maxRatio;
    return new Verdict(
        passed,
        true,
        ratio,
        "scoped/floor CPU per chat = %.2f (limit %.1f): %s".formatted(ratio, maxRatio, numbers));
  }
}
