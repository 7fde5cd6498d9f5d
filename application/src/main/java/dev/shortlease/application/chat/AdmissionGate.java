package dev.shortlease.application.chat;

import dev.shortlease.application.ReliabilitySettings;
import dev.shortlease.application.WakeUpTimer;
import dev.shortlease.application.port.in.AdmitChatUseCase;
import dev.shortlease.application.port.in.BusyException;
import dev.shortlease.application.port.in.ShuttingDownException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * {@link AdmitChatUseCase} as a line: {@link ReliabilitySettings#admissionPermits()} chat starts
 * (default: four per pooled connection) run at once; up to {@link
 * ReliabilitySettings#admissionQueue()} more wait, woken in arrival order, for at most {@link
 * ReliabilitySettings#admissionWait()}. A burst therefore waits in this line — which costs a parked
 * virtual thread each — instead of failing at the pool's acquire timeout. The connections a start
 * may use are bounded by the database workers' ordinary share, which keeps the reserve for final
 * saves.
 *
 * <p>A start that arrives while a permit is free takes it, as a semaphore's {@code tryAcquire}
 * does: a permit handed to a parked waiter would sit idle until that waiter gets a carrier (ADR
 * 0043). The wait is untimed, and {@link WakeUpTimer} ends it at the limit: a timed acquire on a
 * virtual thread costs two wake-ups of the JDK's delay scheduler thread when the permit comes first
 * (ADR 0045).
 *
 * <p>Shutdown {@linkplain #close() closes} the line: the starts waiting in it are woken and refused
 * with {@link ShuttingDownException} at once, and so is every start that comes to it later — before
 * authentication, so none of them reads the database. The check is a field read under the lock
 * {@link #enter()} takes anyway: the hot path pays nothing for it.
 */
@Singleton
public final class AdmissionGate implements AdmitChatUseCase {
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition released = lock.newCondition();
  private final int queueLimit;
  private final Duration maxWait;
  private int free;
  private int waiting;
  private boolean closed;

  @Inject
  public AdmissionGate(ReliabilitySettings settings) {
    this.free = settings.admissionPermits();
    this.queueLimit = settings.admissionQueue();
    this.maxWait = settings.admissionWait();
  }

  @Override
  public void enter() {
    lock.lock();
    try {
      if (closed) {
        throw new ShuttingDownException();
      }
      if (free > 0) {
        free--;
        return;
      }
      if (waiting >= queueLimit) {
        throw new BusyException(
            "Too many chats are starting at once (" + queueLimit + " waiting); retry in a moment.");
      }
      await();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public void leave() {
    lock.lock();
    try {
      free++;
      released.signal();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Closes the line for good: every start waiting is woken and refused with {@link
   * ShuttingDownException}, as is every start from now on. Starts already admitted go on, and give
   * their permits back as usual.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      released.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Runs {@code start} between {@link #enter()} and {@link #leave()}. */
  public <T> T admit(Supplier<T> start) {
    enter();
    try {
      return start.get();
    } finally {
      leave();
    }
  }

  /** Chat starts waiting for a permit now. */
  public int waiting() {
    lock.lock();
    try {
      return waiting;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Waits for a free permit, under the lock; a waiter that gives up passes its wake-up on. One the
   * line's {@linkplain #close() closing} woke need not: closing wakes every waiter.
   */
  private void await() {
    waiting++;
    Wait wait = new Wait();
    ScheduledFuture<?> limit = WakeUpTimer.after(maxWait.toNanos(), () -> expire(wait));
    try {
      while (closed || free == 0) {
        if (closed) {
          throw new ShuttingDownException();
        }
        if (wait.expired) {
          passOn();
          throw new BusyException(
              "No capacity to start the chat within " + maxWait.toSeconds() + " s; retry later.");
        }
        released.await();
      }
      free--;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      passOn();
      throw new BusyException("Interrupted while waiting to start the chat.");
    } finally {
      waiting--;
      limit.cancel(false);
    }
  }

  /** One start's wait; {@code expired} under the lock. */
  private static final class Wait {
    boolean expired;
  }

  private void expire(Wait wait) {
    lock.lock();
    try {
      wait.expired = true;
      released.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** A permit's wake-up this waiter may have taken goes to the next waiter. Under the lock. */
  private void passOn() {
    if (free > 0) {
      released.signal();
    }
  }
}
