package dev.shortlease.adapter.llm;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * LLM adapter internals: the silence watchdog of every model stream, on the adapter's one timer
 * thread ({@link AdapterTimer}, ADR 0045). A stream's check runs once per silence timeout and
 * re-arms itself from the time of the last event, so a token costs a volatile write instead of a
 * timed wait; a timed wait on a virtual thread that ends early, as a poll per token would, costs
 * two wake-ups of the JDK's delay scheduler.
 */
final class SilenceWatch {
  private SilenceWatch() {}

  /** One stream's watch; {@link #cancel()} when the stream ends. */
  static final class Watch {
    private final long timeoutNanos;
    private final LongSupplier lastEventNanos;
    private final BooleanSupplier ended;
    private final Runnable silent;
    private volatile ScheduledFuture<?> check;

    private Watch(
        long timeoutNanos, LongSupplier lastEventNanos, BooleanSupplier ended, Runnable silent) {
      this.timeoutNanos = timeoutNanos;
      this.lastEventNanos = lastEventNanos;
      this.ended = ended;
      this.silent = silent;
    }

    void cancel() {
      check.cancel(false);
    }

    private void arm(long delayNanos) {
      check = AdapterTimer.after(delayNanos, this::check);
    }

    private void check() {
      if (ended.getAsBoolean()) {
        return;
      }
      long quiet = System.nanoTime() - lastEventNanos.getAsLong();
      if (quiet >= timeoutNanos) {
        silent.run();
      } else {
        arm(timeoutNanos - quiet);
      }
    }
  }

  /**
   * Runs {@code silent} once no event came for {@code timeout} ({@code lastEventNanos} tells when
   * the last did), unless {@code ended} by then.
   */
  static Watch watch(
      Duration timeout, LongSupplier lastEventNanos, BooleanSupplier ended, Runnable silent) {
    Watch watch = new Watch(timeout.toNanos(), lastEventNanos, ended, silent);
    watch.arm(timeout.toNanos());
    return watch;
  }

  /** Checks not yet run or cancelled; for tests. */
  static int pending() {
    return AdapterTimer.pending();
  }
}
