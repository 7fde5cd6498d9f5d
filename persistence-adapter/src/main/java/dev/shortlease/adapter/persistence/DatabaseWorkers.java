package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.StorageUnavailableException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Where units of work run: on one of {@code poolSize} platform threads, while the caller — a
 * virtual thread, usually — waits for the result holding no connection (ADR 0040).
 *
 * <p>Why: a virtual thread that holds a connection gives up its carrier at every round trip and
 * must queue for one again; with the carriers busy, every such wait stretched the lease, and a
 * connection handed to a waiting virtual thread sat unused until that thread was scheduled. Under
 * load the pool became a convoy. A worker here takes its next unit while it is still running, so a
 * connection never waits for a thread, and the operating system, not the carriers' queue, wakes it
 * when the database answers.
 *
 * <p>Work is <em>ordinary</em> or <em>reserved</em> (ADR 0040, which moved ADR 0021's pool reserve
 * here): at most {@code poolSize − reserved} ordinary units run at once, so {@code reserved}
 * workers and their connections stay free for final saves, and reserved work goes first. This
 * bound, not the admission line, keeps the reserve, so the line may admit more starts than there
 * are connections (ADR 0043). An ordinary unit that no worker took within {@code ordinaryWait} is
 * withdrawn and fails as storage unavailable without a connection (503, which a chat start
 * retries), as a pool timeout would. A unit already running is always waited for, even by an
 * interrupted caller: what it saved is then reported, never abandoned. Callers wait untimed, and
 * one timer thread withdraws the units that waited too long a few times per {@code ordinaryWait}: a
 * timed wait on a virtual thread that ends early, as nearly every one here would, costs two
 * wake-ups of the JDK's delay scheduler (ADR 0045).
 *
 * <p>{@link #callerThread()} runs every unit on the calling thread instead, for a DataSource that
 * picks connections by the calling thread (the benchmark's held-session variant).
 */
final class DatabaseWorkers implements AutoCloseable {
  /** The workers a thread belongs to: a unit started from inside a unit runs in place. */
  private static final ThreadLocal<DatabaseWorkers> CURRENT = new ThreadLocal<>();

  /** On a worker, the thread whose unit it runs now. */
  private static final ThreadLocal<Thread> CALLER = new ThreadLocal<>();

  private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);
  private static final long MIN_TICK_NANOS = 1_000_000;
  private static final long MAX_TICK_NANOS = 250_000_000;

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<Unit<?>> reservedQueue = new ArrayDeque<>();
  private final ArrayDeque<Unit<?>> ordinaryQueue = new ArrayDeque<>();
  private final int ordinaryLimit;
  private final Duration ordinaryWait;
  private final UnaryOperator<Runnable> propagate;
  private final Runnable onWithdrawn;
  private final List<Thread> threads = new ArrayList<>();
  private ScheduledThreadPoolExecutor withdrawals;
  private int ordinaryRunning;
  private boolean closed;

  private DatabaseWorkers(
      int threads,
      int reserved,
      Duration ordinaryWait,
      UnaryOperator<Runnable> propagate,
      Runnable onWithdrawn) {
    this.ordinaryLimit = threads - reserved;
    this.ordinaryWait = ordinaryWait;
    this.propagate = propagate;
    this.onWithdrawn = onWithdrawn;
  }

  /** The thread whose unit of work the current thread runs: itself, or a worker's caller. */
  static Thread callingThread() {
    Thread caller = CALLER.get();
    return caller != null ? caller : Thread.currentThread();
  }

  /**
   * Every unit on the calling thread. A new instance per context: closing one context's must not
   * mark another's closed.
   */
  static DatabaseWorkers callerThread() {
    return new DatabaseWorkers(0, 0, Duration.ZERO, UnaryOperator.identity(), () -> {});
  }

  /**
   * {@code threads} workers (one per pooled connection), {@code reserved} of them kept from
   * ordinary work; {@code propagate} carries the caller's context (unit of work, trace) to the
   * worker; {@code onWithdrawn} counts an ordinary unit that waited too long (a pool timeout, to
   * the metrics).
   */
  static DatabaseWorkers start(
      int threads,
      int reserved,
      Duration ordinaryWait,
      UnaryOperator<Runnable> propagate,
      Runnable onWithdrawn) {
    if (threads < 1 || reserved < 0 || reserved >= threads) {
      throw new IllegalArgumentException(
          "need at least one worker and 0 <= reserved < workers, got " + threads + "/" + reserved);
    }
    DatabaseWorkers workers =
        new DatabaseWorkers(threads, reserved, ordinaryWait, propagate, onWithdrawn);
    workers.withdrawals =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().daemon().name("db-withdrawals").factory());
    long tick = Math.clamp(ordinaryWait.toNanos() / 4, MIN_TICK_NANOS, MAX_TICK_NANOS);
    workers.withdrawals.scheduleWithFixedDelay(
        workers::withdrawOverdue, tick, tick, TimeUnit.NANOSECONDS);
    for (int i = 0; i < threads; i++) {
      workers.threads.add(Thread.ofPlatform().daemon().name("db-worker-" + i).start(workers::work));
    }
    return workers;
  }

  /** Runs {@code work} within the ordinary share of the workers and returns its result. */
  <T> T ordinary(Supplier<T> work) {
    return call(work, true);
  }

  /** Runs {@code work} on any worker, ahead of queued ordinary work. */
  <T> T reserved(Supplier<T> work) {
    return call(work, false);
  }

  /**
   * Stops taking work; what is queued still runs. Waits a little (5 s in all, not per worker: a
   * silent database holds every worker in a socket read) for the workers to finish it.
   */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      changed.signalAll();
    } finally {
      lock.unlock();
    }
    if (withdrawals != null) {
      withdrawals.shutdown(); // what is queued still runs, however long it waited
    }
    long until = System.nanoTime() + CLOSE_WAIT.toNanos();
    for (Thread thread : threads) {
      try {
        thread.join(Duration.ofNanos(Math.max(1, until - System.nanoTime())));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private <T> T call(Supplier<T> work, boolean ordinary) {
    if (threads.isEmpty() || CURRENT.get() == this) {
      return work.get();
    }
    Unit<T> unit = new Unit<>(work, ordinary);
    unit.task = propagate.apply(unit::run);
    lock.lock();
    try {
      if (closed) {
        throw new StorageUnavailableException("the database workers have stopped", null, true);
      }
      (ordinary ? ordinaryQueue : reservedQueue).addLast(unit);
      if (!ordinary || ordinaryRunning < ordinaryLimit) {
        changed.signal(); // else the next worker to finish ordinary work takes it
      }
    } finally {
      lock.unlock();
    }
    return unit.await();
  }

  /** Fails the ordinary units no worker took within {@code ordinaryWait}, oldest first. */
  private void withdrawOverdue() {
    List<Unit<?>> overdue = new ArrayList<>();
    lock.lock();
    try {
      long now = System.nanoTime();
      Unit<?> oldest;
      while ((oldest = ordinaryQueue.peekFirst()) != null
          && now - oldest.queuedAtNanos >= ordinaryWait.toNanos()) {
        overdue.add(ordinaryQueue.pollFirst());
      }
    } finally {
      lock.unlock();
    }
    for (Unit<?> unit : overdue) {
      onWithdrawn.run();
      unit.result.completeExceptionally(
          new StorageUnavailableException(
              "no database connection free for ordinary work within "
                  + ordinaryWait.toMillis()
                  + " ms",
              null,
              true));
    }
  }

  private void work() {
    CURRENT.set(this);
    while (true) {
      Unit<?> unit;
      lock.lock();
      try {
        while ((unit = next()) == null) {
          if (closed) {
            return;
          }
          changed.awaitUninterruptibly();
        }
      } finally {
        lock.unlock();
      }
      try {
        unit.task.run();
      } finally {
        if (unit.ordinary) {
          lock.lock();
          try {
            // No signal: this worker takes the next unit itself, and waking another one to find
            // nothing costs a context switch per unit on a machine with no core to spare.
            ordinaryRunning--;
          } finally {
            lock.unlock();
          }
        }
      }
    }
  }

  /** The next unit to run, reserved first; ordinary only within its share. Under the lock. */
  private Unit<?> next() {
    Unit<?> reserved = reservedQueue.pollFirst();
    if (reserved != null) {
      return reserved;
    }
    if (ordinaryRunning < ordinaryLimit && !ordinaryQueue.isEmpty()) {
      ordinaryRunning++;
      return ordinaryQueue.pollFirst();
    }
    return null;
  }

  /** One unit of work and its result. */
  private static final class Unit<T> {
    private final Supplier<T> work;
    private final boolean ordinary;
    private final CompletableFuture<T> result = new CompletableFuture<>();
    private final Thread caller = Thread.currentThread();
    private Runnable task;
    private final long queuedAtNanos = System.nanoTime();

    Unit(Supplier<T> work, boolean ordinary) {
      this.work = work;
      this.ordinary = ordinary;
    }

    void run() {
      CALLER.set(caller);
      try {
        result.complete(work.get());
      } catch (Throwable t) {
        result.completeExceptionally(t);
      } finally {
        CALLER.remove();
      }
    }

    /** The result; an interrupt is kept for later, never a reason to leave the unit behind. */
    T await() {
      boolean interrupted = false;
      try {
        while (true) {
          try {
            return result.get();
          } catch (InterruptedException e) {
            interrupted = true;
          } catch (ExecutionException e) {
            throw rethrown(e.getCause());
          }
        }
      } finally {
        if (interrupted) {
          Thread.currentThread().interrupt();
        }
      }
    }

    private static RuntimeException rethrown(Throwable cause) {
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      return new IllegalStateException(cause);
    }
  }
}
