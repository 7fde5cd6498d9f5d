package dev.shortlease.guardrails.guard;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns open leases into the text of failure messages: taker, held time and acquiring stack, or,
 * for a lease taken without one, where its thread is now (ADR 0057).
 */
final class LeaseDescriptions {
  private final StackRenderer stacks;
  private final StackRecording stackRecording;

  LeaseDescriptions(StackRenderer stacks, StackRecording stackRecording) {
    this.stacks = stacks;
    this.stackRecording = stackRecording;
  }

  /** {@code held}, the leases of {@code me} or of its unit of work. */
  String held(Thread me, List<LeaseBook.Lease> held) {
    if (held.isEmpty()) {
      return "thread " + me.getName() + " holds no pooled connection";
    }
    boolean onlyMine = held.stream().allMatch(lease -> lease.owner() == me);
    String holder =
        onlyMine ? "thread " + me.getName() : "the unit of work of thread " + me.getName();
    long now = System.nanoTime();
    return held.stream()
        .map(lease -> describe(lease, now))
        .collect(
            Collectors.joining(
                "\n", holder + " holds " + held.size() + " pooled connection(s):\n", ""));
  }

  /** {@code leases}, every open one, on any thread. */
  String open(List<LeaseBook.Lease> leases) {
    if (leases.isEmpty()) {
      return "no pooled connection is checked out";
    }
    long now = System.nanoTime();
    return leases.stream()
        .map(lease -> describe(lease, now))
        .collect(
            Collectors.joining("\n", leases.size() + " pooled connection(s) checked out:\n", ""));
  }

  /** {@code leases} as long holds at {@code now}; each renders its description when asked. */
  List<LongHold> longHolds(List<LeaseBook.Lease> leases, long now) {
    return leases.stream()
        .map(
            lease ->
                new LongHold(
                    lease.connectionId(),
                    lease.owner().getName(),
                    Duration.ofNanos(now - lease.acquiredAtNanos()),
                    () -> describe(lease, now)))
        .toList();
  }

  private String describe(LeaseBook.Lease lease, long now) {
    long heldMillis = (now - lease.acquiredAtNanos()) / 1_000_000;
    return "connection "
        + lease.connectionId()
        + " taken by thread "
        + lease.owner().getName()
        + ", held for "
        + heldMillis
        + " ms, acquired at:\n"
        + (lease.site() == null
            ? notRecorded() + whereNow(lease.owner())
            : stacks.render(lease.site().getStackTrace()));
  }

  /** The first frame of the calling stack outside the kit and the JDK's proxy plumbing. */
  String callerFrame() {
    return stacks.caller(new Throwable().getStackTrace());
  }

  /** What a lease taken without a stack shows; from this report on, checkouts record theirs. */
  private String notRecorded() {
    stackRecording.turnOnAfterReport();
    return "    (not recorded: this tracker records acquiring stacks after its first report, and"
        + " does from now on)\n";
  }

  /**
   * Where a holder whose acquiring stack was not recorded is now. The method that took the
   * connection, or the one that keeps it, is usually still on that stack, so even the first report
   * points at the code to fix.
   */
  private String whereNow(Thread holder) {
    if (holder == Thread.currentThread()) {
      return "  its thread is now at:\n" + stacks.renderOwn(new Throwable().getStackTrace());
    }
    StackTraceElement[] frames = holder.getStackTrace();
    if (frames.length > 0) {
      return "  its thread is now at:\n" + stacks.render(frames);
    }
    return holder.isAlive()
        ? "  its thread's stack could not be read\n"
        : "  its thread has ended without returning it\n";
  }
}
