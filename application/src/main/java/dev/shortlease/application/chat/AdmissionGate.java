package dev.shortlease.application.chat;

import dev.shortlease.application.ReliabilitySettings;
import dev.shortlease.application.port.in.AdmitChatUseCase;
import dev.shortlease.application.port.in.BusyException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * {@link AdmitChatUseCase} as a fair line: {@link ReliabilitySettings#admissionPermits()} chat
 * starts (default: four per pooled connection) run at once; up to {@link
 * ReliabilitySettings#admissionQueue()} more wait, in arrival order, for at most {@link
 * ReliabilitySettings#admissionWait()}. A burst therefore waits in this line — which costs a parked
 * virtual thread each — instead of failing at the pool's acquire timeout. The connections a start
 * may use are bounded by the database workers' ordinary share, which keeps the reserve for final
 * saves.
 *
 * <p>A leaving start hands its permit to the first in line. The wait is untimed, and {@link
 * WakeUpTimer} ends it at the limit: a semaphore's timed acquire on a virtual thread costs two
 * wake-ups of the JDK's delay scheduler thread when the permit comes first (ADR 0045).
 */
@Singleton
public final class AdmissionGate implements AdmitChatUseCase {
  private final ReentrantLock lock = new ReentrantLock();
  private final ArrayDeque<CompletableFuture<Void>> line = new ArrayDeque<>();
  private final int queueLimit;
  private final Duration maxWait;
  private int free;

  @Inject
  public AdmissionGate(ReliabilitySettings settings) {
    this.free = settings.admissionPermits();
    this.queueLimit = settings.admissionQueue();
    this.maxWait = settings.admissionWait();
  }

  @Override
  public void enter() {
    CompletableFuture<Void> turn = new CompletableFuture<>();
    lock.lock();
    try {
      if (line.isEmpty() && free > 0) {
        free--;
        return;
      }
      if (line.size() >= queueLimit) {
        throw new BusyException(
            "Too many chats are starting at once (" + queueLimit + " waiting); retry in a moment.");
      }
      line.addLast(turn);
    } finally {
      lock.unlock();
    }
    await(turn);
  }

  @Override
  public void leave() {
    CompletableFuture<Void> next;
    lock.lock();
    try {
      next = line.pollFirst();
      if (next == null) {
        free++;
      }
    } finally {
      lock.unlock();
    }
    if (next != null) {
      next.complete(null); // the permit passes on
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
      return line.size();
    } finally {
      lock.unlock();
    }
  }

  private void await(CompletableFuture<Void> turn) {
    ScheduledFuture<?> limit =
        WakeUpTimer.after(
            maxWait.toNanos(),
            () -> {
              if (leaveLine(turn)) {
                turn.completeExceptionally(
                    new BusyException(
                        "No capacity to start the chat within "
                            + maxWait.toSeconds()
                            + " s; retry later."));
              }
            });
    try {
      turn.get();
    } catch (ExecutionException e) {
      throw (BusyException) e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      if (!leaveLine(turn)) {
        leave(); // the permit came meanwhile: pass it on
      }
      throw new BusyException("Interrupted while waiting to start the chat.");
    } finally {
      limit.cancel(false);
    }
  }

  /** Takes {@code turn} out of the line; false when it was let in already. */
  private boolean leaveLine(CompletableFuture<Void> turn) {
    lock.lock();
    try {
      return line.remove(turn);
    } finally {
      lock.unlock();
    }
  }
}
