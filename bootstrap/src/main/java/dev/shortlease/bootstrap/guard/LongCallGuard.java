package dev.shortlease.bootstrap.guard;

import dev.shortlease.adapter.persistence.tracking.ConnectionTracker;
import dev.shortlease.application.agent.Tool;
import dev.shortlease.application.port.out.LongCall;
import java.lang.reflect.Method;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runtime guard (rule R3): decorates a long-call port so that every call first checks that neither
 * the calling thread nor any other thread of its unit of work (the use-case call that started it,
 * see {@link ConnectionTracker#beginUnitOfWork()}) holds a pooled connection. {@link
 * GuardMode#STRICT} throws {@link ConnectionHeldDuringLongCallException}; {@link GuardMode#WARN}
 * logs; both count the violation in {@link ConnectionTracker#recordGuardViolation()}.
 *
 * <p>A JDK dynamic proxy rather than Guice AOP: it works on any instance (Guice-built or not, such
 * as the tools handed to the agent loop) and needs no bytecode generation.
 */
public final class LongCallGuard {
  private static final Logger LOG = LoggerFactory.getLogger(LongCallGuard.class);

  private LongCallGuard() {}

  /**
   * Returns {@code delegate} guarded on every method of {@code port}. Use it for each interface
   * annotated {@link LongCall} and for anything else that may wait on a remote party (tools).
   */
  public static <T> T guard(Class<T> port, T delegate, ConnectionTracker tracker, GuardMode mode) {
    Objects.requireNonNull(tracker, "tracker");
    Objects.requireNonNull(mode, "mode");
    return Proxies.decorate(
        port,
        delegate,
        (method, call) -> {
          check(port, method, tracker, mode);
          return call.proceed();
        });
  }

  /**
   * Guards each agent tool: a tool may call a remote service, so it is a long call too. Tools are
   * not a port but an application interface, hence this helper rather than {@link LongCall}.
   */
  public static Set<Tool> guardTools(
      Collection<? extends Tool> tools, ConnectionTracker tracker, GuardMode mode) {
    Set<Tool> guarded = new LinkedHashSet<>();
    tools.forEach(tool -> guarded.add(guard(Tool.class, tool, tracker, mode)));
    return guarded;
  }

  /** True when {@code type} is marked as a long call, so the composition root must guard it. */
  public static boolean isLongCall(Class<?> type) {
    return type.isInterface() && type.isAnnotationPresent(LongCall.class);
  }

  private static void check(
      Class<?> port, Method method, ConnectionTracker tracker, GuardMode mode) {
    if (tracker.heldByCurrentWork() == 0) {
      return;
    }
    String message =
        "Rule R3: long call "
            + Proxies.describe(port, method)
            + " entered while holding a database connection; "
            + tracker.describeHeldByCurrentWork();
    tracker.recordGuardViolation();
    if (mode == GuardMode.STRICT) {
      throw new ConnectionHeldDuringLongCallException(message);
    }
    LOG.warn(message);
  }
}
