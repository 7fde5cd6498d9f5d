package dev.shortlease.guardrails.testkit;

import dev.shortlease.guardrails.guard.ConnectionTracker;
import java.util.List;
import org.opentest4j.AssertionFailedError;

/**
 * One-line checks for an adapter and its port. For several ports exercised together, use {@link
 * PoolHygiene} directly.
 */
public final class PortChecks {
  private PortChecks() {}

  /**
   * Runs {@code calls} against {@code adapter} seen through {@link PoolHygiene}: after every call
   * the pool must be idle and the result plain; at the end every method of {@code port} must have
   * been called.
   */
  public static <T> void assertPoolIdleAfterEachCall(
      ConnectionTracker tracker, Class<T> port, T adapter, PortCalls<T> calls) {
    PoolHygiene hygiene = PoolHygiene.of(tracker);
    T checked = hygiene.check(port, adapter);
    try {
      calls.call(checked);
    } catch (AssertionError | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new AssertionFailedError("port calls failed: " + e, e);
    }
    hygiene.assertEveryMethodCalled();
  }

  /**
   * Every method of {@code port} takes and returns only {@link PlainValues#standard()} values. The
   * port is an interface, or a class whose public instance methods are what its callers see (a
   * Spring {@code @Service} a controller calls, a {@code @RestController} whose results are
   * serialised).
   */
  public static void assertPlainValues(Class<?> port) {
    assertPlainValues(port, PlainValues.standard());
  }

  /** As {@link #assertPlainValues(Class)}, with {@code values} deciding what is plain. */
  public static void assertPlainValues(Class<?> port, PlainValues values) {
    if (port.isAnnotation() || port.isPrimitive() || port.isArray()) {
      throw new IllegalArgumentException(port.getName() + " is neither an interface nor a class");
    }
    List<String> problems = values.problemsOf(port);
    if (!problems.isEmpty()) {
      throw new AssertionFailedError(
          port.getSimpleName()
              + " speaks more than plain values:\n  "
              + String.join("\n  ", problems));
    }
  }
}
