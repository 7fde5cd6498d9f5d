package dev.shortlease.adapter.llm;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The LLM adapter's deadlines on one platform thread: a model's silence checks and a remote image's
 * download limit. A task removed on cancel costs no thread wake-up, where a timed wait on a virtual
 * thread costs two of the JDK's delay scheduler (ADR 0045).
 */
final class AdapterTimer {
  private static final ScheduledThreadPoolExecutor TIMER = timer();

  private AdapterTimer() {}

  /** Runs {@code task} after {@code nanos} unless the result is cancelled first. */
  static ScheduledFuture<?> after(long nanos, Runnable task) {
    return TIMER.schedule(task, nanos, TimeUnit.NANOSECONDS);
  }

  /** Tasks not yet run or cancelled; for tests. */
  static int pending() {
    return TIMER.getQueue().size();
  }

  private static ScheduledThreadPoolExecutor timer() {
    ScheduledThreadPoolExecutor timer =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().daemon().name("llm-adapter-deadlines").factory());
    timer.setRemoveOnCancelPolicy(true);
    return timer;
  }
}
