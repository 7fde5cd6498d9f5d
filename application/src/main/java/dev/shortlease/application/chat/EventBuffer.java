package dev.shortlease.application.chat;

import dev.shortlease.application.WakeUpTimer;
import dev.shortlease.application.port.in.ChatEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The queue between the runner (producer) and the pipeline's consumer. The producer never blocks:
 * once {@code capacity} events wait, further text is coalesced into one pending chunk, so a slow
 * client costs at most {@code capacity} events plus the answer's text (which the runner holds
 * anyway) plus the few non-text events (two per agent iteration, one terminal). After {@link
 * #close()} (client gone) everything is dropped at once.
 */
final class EventBuffer {
  private final int capacity;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition changed = lock.newCondition();
  private final ArrayDeque<ChatEvent> events = new ArrayDeque<>();
  private final StringBuilder overflowText = new StringBuilder();
  private boolean closed;
  private boolean terminalTaken;

  EventBuffer(int capacity) {
    this.capacity = capacity;
  }

  /** Adds an event without ever waiting; text beyond capacity joins the pending chunk. */
  void publish(ChatEvent event) {
    lock.lock();
    try {
      if (closed) {
        return;
      }
      if (event instanceof ChatEvent.TextChunk chunk
          && (!overflowText.isEmpty() || events.size() >= capacity)) {
        overflowText.append(chunk.text());
      } else {
        moveOverflowToQueue();
        events.addLast(event);
      }
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * The next event, waiting at most {@code timeout}; empty on timeout, once closed or ended. The
   * wait itself is untimed: {@link WakeUpTimer} wakes it at the deadline (ADR 0045).
   */
  Optional<ChatEvent> next(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    ScheduledFuture<?> wakeUp = null;
    lock.lockInterruptibly();
    try {
      while (!closed && !terminalTaken && events.isEmpty() && overflowText.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return Optional.empty();
        }
        if (wakeUp == null) {
          wakeUp = WakeUpTimer.after(left, this::wakeAll);
        }
        changed.await();
      }
      if (closed || terminalTaken) {
        return Optional.empty();
      }
      if (events.isEmpty()) {
        moveOverflowToQueue();
      }
      ChatEvent event = events.pollFirst();
      terminalTaken = event.isTerminal();
      return Optional.of(event);
    } finally {
      lock.unlock();
      if (wakeUp != null) {
        wakeUp.cancel(false);
      }
    }
  }

  private void wakeAll() {
    lock.lock();
    try {
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** The consumer is gone: drop what is queued and ignore what comes. */
  void close() {
    lock.lock();
    try {
      closed = true;
      events.clear();
      overflowText.setLength(0);
      overflowText.trimToSize();
      changed.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /** Events (and the pending chunk, as one) waiting to be taken; for tests and metrics. */
  int size() {
    lock.lock();
    try {
      return events.size() + (overflowText.isEmpty() ? 0 : 1);
    } finally {
      lock.unlock();
    }
  }

  private void moveOverflowToQueue() {
    if (!overflowText.isEmpty()) {
      events.addLast(new ChatEvent.TextChunk(overflowText.toString()));
      overflowText.setLength(0);
    }
  }
}
