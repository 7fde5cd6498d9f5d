package dev.shortlease.adapter.llm.simulated;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Simulated provider: wakes the streams at their token instants from one platform thread that wakes
 * at most once per millisecond and then releases every stream due (ADR 0046). A real model's tokens
 * arrive on sockets, and the JDK's poller wakes many readers at once; a timed park per token
 * instead costs at least two wake-ups of JDK 25's delay scheduler thread, which made the simulation
 * a tenth of the service's CPU. Tokens come up to a millisecond late; their schedule does not
 * drift, since streams wait for absolute instants. The benchmark's floor paces its model with this
 * class too.
 */
public final class TokenPacer {
  private static final long TICK_NANOS = 1_000_000;
  private static final ReentrantLock LOCK = new ReentrantLock();
  private static final Condition ADDED = LOCK.newCondition();
  private static final PriorityQueue<Sleeper> SLEEPERS =
      new PriorityQueue<>((a, b) -> Long.compare(a.deadline - b.deadline, 0));

  /** Whether the pacer thread waits for a first sleeper; else when it looks next. Under LOCK. */
  private static boolean idle = true;

  private static long nextWake;

  static {
    Thread.ofPlatform().daemon().name("simulated-model-pacer").start(TokenPacer::run);
  }

  private TokenPacer() {}

  private static final class Sleeper {
    final long deadline;
    final Thread thread;
    volatile boolean released;

    Sleeper(long deadline, Thread thread) {
      this.deadline = deadline;
      this.thread = thread;
    }
  }

  /**
   * Parks the calling thread until {@code deadline} ({@link System#nanoTime()}), or until it is
   * unparked or interrupted; like {@link LockSupport#park()} it may return early, so callers loop.
   */
  public static void parkUntil(long deadline) {
    if (deadline - System.nanoTime() <= 0) {
      return;
    }
    Sleeper sleeper = new Sleeper(deadline, Thread.currentThread());
    LOCK.lock();
    try {
      SLEEPERS.add(sleeper);
      if (idle || deadline - nextWake < -TICK_NANOS) { // sooner than the pacer looks: wake it
        ADDED.signal();
      }
    } finally {
      LOCK.unlock();
    }
    LockSupport.park(TokenPacer.class);
    if (!sleeper.released) { // woken early (a cancel): leave nothing behind
      LOCK.lock();
      try {
        SLEEPERS.remove(sleeper);
      } finally {
        LOCK.unlock();
      }
    }
  }

  private static void run() {
    List<Sleeper> due = new ArrayList<>();
    while (true) {
      LOCK.lock();
      try {
        long now = System.nanoTime();
        Sleeper first;
        while ((first = SLEEPERS.peek()) != null && first.deadline - now <= 0) {
          SLEEPERS.poll().released = true;
          due.add(first);
        }
        if (due.isEmpty()) {
          idle = first == null;
          if (idle) {
            ADDED.awaitUninterruptibly();
          } else {
            long wait = Math.max(first.deadline - now, TICK_NANOS);
            nextWake = now + wait;
            ADDED.awaitNanos(wait);
          }
          continue;
        }
        idle = false;
        nextWake = now + TICK_NANOS;
      } catch (InterruptedException e) {
        continue; // a daemon that never stops: an interrupt only ends this wait
      } finally {
        LOCK.unlock();
      }
      due.forEach(sleeper -> LockSupport.unpark(sleeper.thread));
      due.clear();
      LockSupport.parkNanos(TICK_NANOS); // let the next few deadlines gather
    }
  }
}
