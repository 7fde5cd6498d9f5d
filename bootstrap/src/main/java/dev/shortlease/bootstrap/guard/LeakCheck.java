package dev.shortlease.bootstrap.guard;

import dev.shortlease.adapter.persistence.tracking.ConnectionTracker;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leak check (rule R7): decorates a use case so that a call returning (or throwing) with more
 * connections checked out on its thread than it started with is logged, naming the use case, method
 * and acquiring stack, and counted in {@link ConnectionTracker#recordLeak()}.
 *
 * <p>Each call is also one unit of work for the tracker: threads the use case starts (a run's
 * generation thread) belong to it, so the long-call guard sees a connection the call's own thread
 * still holds.
 *
 * <p>It reports and never throws: the use case's own result or exception reaches the caller
 * unchanged. HikariCP's {@code leakDetectionThreshold} is the second net, for connections held too
 * long on any thread.
 */
public final class LeakCheck {
  private static final Logger LOG = LoggerFactory.getLogger(LeakCheck.class);

  private LeakCheck() {}

  /** Returns {@code delegate} checked for leaks on every method of {@code useCase}. */
  public static <T> T wrap(Class<T> useCase, T delegate, ConnectionTracker tracker) {
    Objects.requireNonNull(tracker, "tracker");
    return Proxies.decorate(
        useCase,
        delegate,
        (method, call) -> {
          int before = tracker.heldByCurrentThread();
          try (var work = tracker.beginUnitOfWork()) {
            return call.proceed();
          } finally {
            int after = tracker.heldByCurrentThread();
            if (after > before) {
              tracker.recordLeak();
              LOG.warn(
                  "Rule R7: use case {} returned with {} more connection(s) checked out than it"
                      + " started with; {}",
                  Proxies.describe(useCase, method),
                  after - before,
                  tracker.describeHeldByCurrentThread());
            }
          }
        });
  }
}
