package dev.shortlease.guardrails.guard;

import java.lang.reflect.Method;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Long-call guard: decorates an interface whose calls may wait on a remote party (a model, an HTTP
 * service) so that every call first checks that neither the calling thread nor any other thread of
 * its unit of work holds a pooled connection. {@link GuardMode#STRICT} throws {@link
 * ConnectionHeldDuringLongCallException} before the call; {@link GuardMode#WARN} logs the first
 * violation at each call site and counts every one; both count in {@link
 * ConnectionTracker#guardViolations()}. {@link GuardMode#OFF} checks nothing.
 *
 * <p>A JDK dynamic proxy rather than AOP: it decorates any instance (DI-built or not), needs no
 * bytecode generation, and lets the interface's own exceptions through unwrapped.
 */
public final class LongCallGuard {
  private static final Logger LOG = LoggerFactory.getLogger(LongCallGuard.class);

  private LongCallGuard() {}

  /** Returns {@code delegate} guarded on every method of {@code port}. */
  public static <T> T guard(Class<T> port, T delegate, ConnectionTracker tracker, GuardMode mode) {
    Objects.requireNonNull(tracker, "tracker");
    return guard(port, delegate, List.of(tracker), mode);
  }

  /**
   * Returns {@code delegate} guarded on every method of {@code port} against the connections of
   * every tracker in {@code trackers}, one per data source: a violation is counted by each tracker
   * whose connection is held, under its own name.
   */
  public static <T> T guard(
      Class<T> port, T delegate, Collection<ConnectionTracker> trackers, GuardMode mode) {
    List<ConnectionTracker> all = List.copyOf(trackers);
    if (all.isEmpty()) {
      throw new IllegalArgumentException("no tracker to guard " + port.getName() + " with");
    }
    Objects.requireNonNull(mode, "mode");
    return Proxies.decorate(
        port,
        delegate,
        Proxies.Role.LONG_CALL_GUARD,
        (method, call) -> {
          if (mode != GuardMode.OFF) {
            check(port, method, all, mode);
          }
          return call.proceed();
        });
  }

  /**
   * True when {@code candidate} was returned by {@link #guard} (possibly under other decorators).
   */
  public static boolean isGuarded(Object candidate) {
    return Proxies.carries(candidate, Proxies.Role.LONG_CALL_GUARD);
  }

  private static void check(
      Class<?> port, Method method, List<ConnectionTracker> trackers, GuardMode mode) {
    String longCall = null;
    String caller = null;
    StringBuilder held = null;
    boolean firstAtSite = false;
    for (ConnectionTracker tracker : trackers) {
      int count = tracker.heldByCurrentWork();
      if (count == 0) {
        continue;
      }
      if (longCall == null) {
        longCall = Proxies.describe(port, method);
        caller = tracker.callerFrame();
        held = new StringBuilder();
      } else {
        held.append("; ");
      }
      tracker.observeViolation(longCall, caller, mode, count);
      if (trackers.size() > 1) {
        held.append("tracker ").append(tracker.name()).append(": ");
      }
      held.append(tracker.describeHeldByCurrentWork());
      firstAtSite |= tracker.recordGuardViolation(longCall + " <- " + caller);
    }
    if (longCall == null) {
      return;
    }
    String message =
        "long call "
            + longCall
            + " entered from "
            + caller
            + " while holding a pooled database connection"
            // The fix, in the message: a log line or a test failure is all a reader may see.
            + " (end the transaction before the long call: read in one, call, write in another); "
            + held;
    if (mode == GuardMode.STRICT) {
      throw new ConnectionHeldDuringLongCallException(message);
    }
    if (firstAtSite) {
      LOG.warn("{}\n(further violations at this call site are counted, not logged)", message);
    }
  }
}
