package dev.shortlease.application;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The application's deadlines, on one platform thread (ADR 0045): the chat's waits (the next event,
 * an admission permit) and the side calls' time limits. A timed wait on a virtual thread costs two
 * wake-ups of the JDK's delay scheduler thread when it ends early, as nearly every wait here does
 * (the next token comes long before the ping interval); a task queued here and removed on cancel
 * costs no thread wake-up at all. Waiters wait untimed and are woken by their task.
 */
public final class WakeUpTimer {
  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private WakeUpTimer() {}

  /** Runs {@code wake} after {@code nanos} unless the result is cancelled first. */
  public static ScheduledFuture<?> after(long nanos, Runnable wake) {
    return TIMER.schedule(wake, nanos, TimeUnit.NANOSECONDS);
  }

  /** Wake-ups not yet run or cancelled; for tests. */
  public static int pending() {
    return TIMER.getQueue().size();
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().daemon().name("application-wake-ups").factory());
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}
