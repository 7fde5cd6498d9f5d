package dev.shortlease.guardrails.guard;

import java.time.Duration;
import java.util.Objects;

/**
 * One pooled connection found checked out longer than a threshold by {@link
 * ConnectionTracker#heldLongerThan(Duration)}: its ID, the thread that took it and how long it had
 * been held when found. {@link #describe()} renders the acquiring stack only when asked, so a sweep
 * pays for it only for the holds it reports.
 */
public final class LongHold {
  private final String connectionId;
  private final String threadName;
  private final Duration heldFor;
  private final Describer describer;

  /** Renders the description of one hold; the tracker's own lease record behind it. */
  interface Describer {
    String describe();
  }

  LongHold(String connectionId, String threadName, Duration heldFor, Describer describer) {
    this.connectionId = Objects.requireNonNull(connectionId, "connectionId");
    this.threadName = Objects.requireNonNull(threadName, "threadName");
    this.heldFor = Objects.requireNonNull(heldFor, "heldFor");
    this.describer = Objects.requireNonNull(describer, "describer");
  }

  /** The connection's ID in its tracker (unique per tracker, as in every other description). */
  public String connectionId() {
    return connectionId;
  }

  /** The name of the thread that took the connection. */
  public String threadName() {
    return threadName;
  }

  /** How long the connection had been held when the tracker was asked. */
  public Duration heldFor() {
    return heldFor;
  }

  /**
   * {@code connection 12 taken by thread chat-runner-7, held for 10004 ms, acquired at:} followed
   * by the acquiring stack, as the tracker's other descriptions render it.
   */
  public String describe() {
    return describer.describe();
  }

  @Override
  public String toString() {
    return "connection "
        + connectionId
        + " taken by thread "
        + threadName
        + ", held for "
        + heldFor;
  }
}
