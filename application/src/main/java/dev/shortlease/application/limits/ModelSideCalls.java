package dev.shortlease.application.limits;

import dev.shortlease.application.LimitSettings;
import dev.shortlease.application.WakeUpTimer;
import dev.shortlease.application.port.in.ActiveRequestLimitException;
import dev.shortlease.application.port.out.StopSignal;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Model calls that are not answers — {@code /suggested} and conversation naming — bounded: at most
 * {@link LimitSettings#sideCalls()} at once in this process, each stopped after {@link
 * LimitSettings#sideCallTimeLimit()} or as soon as its caller's own signal (a client that left) is
 * raised. A call over the bound is not queued: it is refused, or its caller falls back.
 */
@Singleton
public final class ModelSideCalls {
  private final Semaphore permits;
  private final int bound;
  private final Duration timeLimit;

  @Inject
  public ModelSideCalls(LimitSettings settings) {
    this.bound = settings.sideCalls();
    this.permits = new Semaphore(bound);
    this.timeLimit = settings.sideCallTimeLimit();
  }

  /**
   * Runs {@code call} with a stop signal raised at the time limit or with {@code caller}; {@link
   * ActiveRequestLimitException} when {@link LimitSettings#sideCalls()} are running already.
   */
  public <T> T call(StopSignal caller, Function<StopSignal, T> call) {
    return tryCall(caller, call)
        .orElseThrow(
            () ->
                new ActiveRequestLimitException(
                    "Too many requests. Please try again later. The current maximum concurrent"
                        + " suggestion and naming calls allowed is "
                        + bound
                        + "."));
  }

  /** As {@link #call}, empty instead of refused when the bound is reached. */
  public <T> Optional<T> tryCall(StopSignal caller, Function<StopSignal, T> call) {
    if (!permits.tryAcquire()) {
      return Optional.empty();
    }
    StopSignal stop = new StopSignal();
    ScheduledFuture<?> limit =
        WakeUpTimer.after(timeLimit.toNanos(), stop::request); // one timer thread for all limits
    try (StopSignal.Registration forwarded = caller.onRequest(stop::request)) {
      return Optional.ofNullable(call.apply(stop));
    } finally {
      limit.cancel(false);
      permits.release();
    }
  }
}
