package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.StorageUnavailableException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Units of work run on their caller's thread (a virtual thread, usually); ordinary ones within
 * their share of the pool (ADR 0048).
 *
 * <p>Work is <em>ordinary</em> or <em>reserved</em> (ADR 0021): at most {@code poolSize − reserved}
 * ordinary units hold or wait for a connection at once, so {@code reserved} connections stay free
 * for final saves; reserved work takes no permit. An ordinary unit that got no permit within {@code
 * ordinaryWait} fails as storage unavailable without a connection (503, which a chat start
 * retries), as a pool timeout would, and never runs. A free permit is taken without a timed wait: a
 * timed park of a virtual thread costs two wake-ups of the JDK's delay scheduler (ADR 0045).
 *
 * <p>Why the caller's thread: a virtual thread waiting for PostgreSQL's answer continues on a
 * carrier that is already running, where a platform worker must be woken by the operating system;
 * measured side by side, units on platform workers (ADR 0040) held each lease longer and cost more
 * CPU on every machine tried.
 *
 * <p>A caller's pending interrupt is put aside while its unit runs and restored after: the JDK
 * closes the socket of a virtual thread interrupted in I/O, and what a unit committed (a chat's
 * running message, say) must be reported, not lost with its connection. Nothing in the service
 * interrupts a thread inside a unit.
 */
final class PoolShare implements AutoCloseable {
  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

  /** The share whose unit the current thread runs: a unit started inside it runs in place. */
  private static final ThreadLocal<PoolShare> CURRENT = new ThreadLocal<>();

  private final Semaphore ordinaryPermits;
  private final Duration ordinaryWait;
  private final Runnable onWithdrawn;
  private final AtomicInteger running = new AtomicInteger();
  private volatile boolean closed;

  private PoolShare(Semaphore ordinaryPermits, Duration ordinaryWait, Runnable onWithdrawn) {
    this.ordinaryPermits = ordinaryPermits;
    this.ordinaryWait = ordinaryWait;
    this.onWithdrawn = onWithdrawn;
  }

  /**
   * A pool of {@code poolSize} connections, {@code reserved} of them kept from ordinary work;
   * {@code onWithdrawn} counts an ordinary unit that waited too long (a pool timeout, to the
   * metrics).
   */
  static PoolShare of(int poolSize, int reserved, Duration ordinaryWait, Runnable onWithdrawn) {
    if (poolSize < 1 || reserved < 0 || reserved >= poolSize) {
      throw new IllegalArgumentException(
          "need at least one connection and 0 <= reserved < pool size, got "
              + poolSize
              + "/"
              + reserved);
    }
    return new PoolShare(new Semaphore(poolSize - reserved, true), ordinaryWait, onWithdrawn);
  }

  /** No share kept: every unit straight to the pool (a DataSource that picks by thread). */
  static PoolShare unlimited() {
    return new PoolShare(null, Duration.ZERO, () -> {});
  }

  /** Runs {@code work} within the ordinary share of the pool and returns its result. */
  <T> T ordinary(Supplier<T> work) {
    return call(work, true);
  }

  /** Runs {@code work} without waiting for the ordinary share: the reserve is there for it. */
  <T> T reserved(Supplier<T> work) {
    return call(work, false);
  }

  /** Refuses new work and waits a little for the units running now (final saves) to finish. */
  @Override
  public void close() {
    closed = true;
    long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
    while (running.get() > 0 && System.nanoTime() < deadline) {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private <T> T call(Supplier<T> work, boolean ordinary) {
    if (CURRENT.get() == this) {
      return work.get();
    }
    running.incrementAndGet(); // before the check, so close() waits for every unit it let in
    boolean interrupted = Thread.interrupted();
    boolean permit = false;
    try {
      if (closed) {
        throw new StorageUnavailableException("the database units have stopped", null, true);
      }
      if (ordinary && ordinaryPermits != null) {
        interrupted |= acquireOrdinary();
        permit = true;
      }
      CURRENT.set(this);
      try {
        return work.get();
      } finally {
        CURRENT.remove();
      }
    } finally {
      if (permit) {
        ordinaryPermits.release();
      }
      running.decrementAndGet();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Takes an ordinary permit or fails as no connection; whether an interrupt came meanwhile. */
  private boolean acquireOrdinary() {
    if (ordinaryPermits.tryAcquire()) {
      return false;
    }
    boolean interrupted = false;
    long deadline = System.nanoTime() + ordinaryWait.toNanos();
    while (true) {
      try {
        if (ordinaryPermits.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
          return interrupted;
        }
        break;
      } catch (InterruptedException e) {
        interrupted = true; // kept for the caller, after its unit
      }
    }
    onWithdrawn.run();
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    throw new StorageUnavailableException(
        "no database connection free for ordinary work within " + ordinaryWait.toMillis() + " ms",
        null,
        true);
  }
}
