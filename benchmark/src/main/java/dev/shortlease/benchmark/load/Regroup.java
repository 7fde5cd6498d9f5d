package dev.shortlease.benchmark.load;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Load generator: once the warm-up has ended, every client finishes its chat, waits for the others,
 * and starts again at its own place in one spread — as at the very start, but on a warm service
 * (ADR 0044). A fresh service that falls behind while it compiles lets a backlog build; draining
 * it, the service sends the clients back in clumps, and closed-loop clients keep those clumps for
 * as long as they run (hundreds of chats ending within 100 ms, then none), so the chats a short
 * window counts depend on where the clumps fall. Real users are not synchronised that way.
 */
final class Regroup {
  private final int clients;
  private final Duration spread;
  private final CountDownLatch paused;
  private final CountDownLatch resumed = new CountDownLatch(1);
  private volatile boolean requested;
  private volatile long resumeAt;

  Regroup(int clients, Duration spread) {
    this.clients = clients;
    this.spread = spread;
    this.paused = new CountDownLatch(clients);
  }

  /**
   * Called by client {@code index} before each chat: once a regroup is requested, the first call
   * waits until {@link #resume} and then until the client's place in the spread; returns whether it
   * waited (each client regroups once).
   */
  boolean beforeChat(int index, boolean alreadyRegrouped) throws InterruptedException {
    if (alreadyRegrouped || !requested) {
      return false;
    }
    paused.countDown();
    resumed.await();
    ClosedLoopLoad.sleepUntil(resumeAt + spread.toNanos() * index / clients);
    return true;
  }

  /**
   * Asks every client to pause after its current chat and waits for them, at most {@code longest}:
   * a client still in a chat then simply joins late. Returns how many paused.
   */
  int pause(Duration longest) throws InterruptedException {
    requested = true;
    paused.await(longest.toNanos(), TimeUnit.NANOSECONDS);
    return clients - (int) paused.getCount();
  }

  /** Lets the clients start again, spread over one {@code spread} from {@code atNanos}. */
  void resume(long atNanos) {
    resumeAt = atNanos;
    resumed.countDown();
  }

  /** When the last client's first chat after the regroup starts. */
  long spreadEnd() {
    return resumeAt + spread.toNanos();
  }
}
