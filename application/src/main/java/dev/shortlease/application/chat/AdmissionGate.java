package dev.shortlease.application.chat;

import dev.shortlease.application.ReliabilitySettings;
import dev.shortlease.application.port.in.AdmitChatUseCase;
import dev.shortlease.application.port.in.BusyException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * {@link AdmitChatUseCase} as a fair semaphore: {@link ReliabilitySettings#admissionPermits()} chat
 * starts (default: four per pooled connection) run at once; up to {@link
 * ReliabilitySettings#admissionQueue()} more wait, in arrival order, for at most {@link
 * ReliabilitySettings#admissionWait()}. A burst therefore waits in this line — which costs a parked
 * virtual thread each — instead of failing at the pool's acquire timeout. The connections a start
 * may use are bounded by the database workers' ordinary share, which keeps the reserve for final
 * saves.
 */
@Singleton
public final class AdmissionGate implements AdmitChatUseCase {
  private final Semaphore permits;
  private final AtomicInteger waiting = new AtomicInteger();
  private final int queueLimit;
  private final Duration maxWait;

  @Inject
  public AdmissionGate(ReliabilitySettings settings) {
    this.permits = new Semaphore(settings.admissionPermits(), true);
    this.queueLimit = settings.admissionQueue();
    this.maxWait = settings.admissionWait();
  }

  @Override
  public void enter() {
    if (!permits.tryAcquire()) {
      await();
    }
  }

  @Override
  public void leave() {
    permits.release();
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

  private void await() {
    if (waiting.incrementAndGet() > queueLimit) {
      waiting.decrementAndGet();
      throw new BusyException(
          "Too many chats are starting at once (" + queueLimit + " waiting); retry in a moment.");
    }
    try {
      if (!permits.tryAcquire(maxWait.toNanos(), TimeUnit.NANOSECONDS)) {
        throw new BusyException(
            "No capacity to start the chat within " + maxWait.toSeconds() + " s; retry later.");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new BusyException("Interrupted while waiting to start the chat.");
    } finally {
      waiting.decrementAndGet();
    }
  }

  /** Chat starts waiting for a permit now. */
  public int waiting() {
    return waiting.get();
  }
}
