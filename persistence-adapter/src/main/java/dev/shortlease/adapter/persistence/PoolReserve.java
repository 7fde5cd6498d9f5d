package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.StorageUnavailableException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Keeps part of the pool for the work of chats already running (final saves, agent thoughts) and
 * for the instance lease: ordinary work — key lookups, reads, chat starts, admin — passes a fair
 * semaphore of {@code poolSize − reserved} permits first, so however much of it arrives (a flood of
 * made-up keys, say), {@code reserved} connections stay free for the saves that keep answers (rule
 * R5). Waiting for a permit parks a virtual thread; past the pool's own acquire timeout it is
 * reported as storage unavailable (503 with {@code Retry-After}), as a pool timeout would be.
 */
final class PoolReserve {
  /** No reserve: ordinary work goes straight to the pool. */
  static final PoolReserve NONE = new PoolReserve(null, Duration.ZERO);

  private final Semaphore ordinary;
  private final Duration wait;

  private PoolReserve(Semaphore ordinary, Duration wait) {
    this.ordinary = ordinary;
    this.wait = wait;
  }

  /**
   * {@code reserved} of {@code poolSize} connections kept; ordinary work waits at most {@code
   * wait}.
   */
  static PoolReserve of(int poolSize, int reserved, Duration wait) {
    if (reserved == 0) {
      return NONE;
    }
    return new PoolReserve(new Semaphore(poolSize - reserved, true), wait);
  }

  /** Runs {@code work} within the ordinary share of the pool. */
  <T> T ordinary(Supplier<T> work) {
    if (ordinary == null) {
      return work.get();
    }
    try {
      if (!ordinary.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new StorageUnavailableException(
            "no database connection free for ordinary work within " + wait.toMillis() + " ms",
            null,
            true);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageUnavailableException("interrupted while waiting for a connection", e);
    }
    try {
      return work.get();
    } finally {
      ordinary.release();
    }
  }
}
