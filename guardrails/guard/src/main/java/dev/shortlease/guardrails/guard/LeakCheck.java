package dev.shortlease.guardrails.guard;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Leak check: decorates a use case so that a call returning (or throwing) with more connections
 * checked out on its thread than it started with is logged, naming the use case, method and
 * acquiring stack, and counted in {@link ConnectionTracker#leaks()}.
 *
 * <p>Each call is also one unit of work ({@link ConnectionTracker#beginUnitOfWork()}), so the
 * long-call guard on a thread the use case starts sees a connection the call's own thread holds.
 *
 * <p>It reports and never throws: the use case's own result or exception reaches the caller
 * unchanged. {@link LongHoldSweep} is the second net, for connections held too long on any thread
 * (in place of a pool's own leak threshold, such as HikariCP's {@code leakDetectionThreshold}).
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
        Proxies.Role.LEAK_CHECK,
        (method, call) -> {
          int before = tracker.heldByCurrentThread();
          try (UnitOfWork work = tracker.beginUnitOfWork()) {
            return call.proceed();
          } finally {
            checkAfter(useCase, method, tracker, before, "");
          }
        });
  }

  /**
   * As {@link #wrap(Class, Object, ConnectionTracker)}, for the connections of every tracker in
   * {@code trackers} (one per data source); a leak is counted by the tracker it leaked from. Each
   * call is one unit of work, shared by all trackers.
   */
  public static <T> T wrap(Class<T> useCase, T delegate, Collection<ConnectionTracker> trackers) {
    List<ConnectionTracker> all = List.copyOf(trackers);
    if (all.size() == 1) {
      return wrap(useCase, delegate, all.get(0));
    }
    if (all.isEmpty()) {
      throw new IllegalArgumentException("no tracker to check " + useCase.getName() + " with");
    }
    List<String> names = all.stream().map(tracker -> " of tracker " + tracker.name()).toList();
    return Proxies.decorate(
        useCase,
        delegate,
        Proxies.Role.LEAK_CHECK,
        (method, call) -> {
          int[] before = new int[all.size()];
          for (int i = 0; i < before.length; i++) {
            before[i] = all.get(i).heldByCurrentThread();
          }
          try (UnitOfWork work = all.get(0).beginUnitOfWork()) {
            return call.proceed();
          } finally {
            for (int i = 0; i < before.length; i++) {
              checkAfter(useCase, method, all.get(i), before[i], names.get(i));
            }
          }
        });
  }

  private static void checkAfter(
      Class<?> useCase, Method method, ConnectionTracker tracker, int before, String ofTracker) {
    int after = tracker.heldByCurrentThread();
    if (after > before) {
      tracker.recordLeak();
      LOG.warn(
          "use case {} returned with {} more connection(s){} checked out than it started with; {}",
          Proxies.describe(useCase, method),
          after - before,
          ofTracker,
          tracker.describeHeldByCurrentThread());
    }
  }

  /**
   * True when {@code candidate} was returned by {@link #wrap} (possibly under other decorators).
   */
  public static boolean isChecked(Object candidate) {
    return Proxies.carries(candidate, Proxies.Role.LEAK_CHECK);
  }
}
