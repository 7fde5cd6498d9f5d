package dev.shortlease.guardrails.guard;

import java.lang.reflect.Method;
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
    Objects.requireNonNull(mode, "mode");
    return Proxies.decorate(
        port,
        delegate,
        Proxies.Role.LONG_CALL_GUARD,
        (method, call) -> {
          if (mode != GuardMode.OFF) {
            check(port, method, tracker, mode);
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
      Class<?> port, Method method, ConnectionTracker tracker, GuardMode mode) {
    int held = tracker.heldByCurrentWork();
    if (held == 0) {
      return;
    }
    String longCall = Proxies.describe(port, method);
    String caller = tracker.callerFrame();
    tracker.observeViolation(longCall, caller, mode, held);
    String message =
        "long call "
            + longCall
            + " entered from "
            + caller
            + " while holding a pooled database connection; "
            + tracker.describeHeldByCurrentWork();
    boolean firstAtSite = tracker.recordGuardViolation(longCall + " <- " + caller);
    if (mode == GuardMode.STRICT) {
      throw new ConnectionHeldDuringLongCallException(message);
    }
    if (firstAtSite) {
      LOG.warn("{}\n(further violations at this call site are counted, not logged)", message);
    }
  }
}
