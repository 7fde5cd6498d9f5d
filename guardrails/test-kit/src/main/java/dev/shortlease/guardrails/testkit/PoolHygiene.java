package dev.shortlease.guardrails.testkit;

import dev.shortlease.guardrails.guard.ConnectionTracker;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntSupplier;
import org.opentest4j.AssertionFailedError;

/**
 * Checks adapters port call by port call: {@link #check} returns a proxy of the port that, after
 * every call (a throwing one too), asserts that no pooled connection is checked out (on any thread,
 * as the tracker sees it, plus any pool gauge added with {@link #alsoIdleWhen}) and that the
 * returned value is plain ({@link PlainValues#problemsOfValue}). {@link #assertEveryMethodCalled}
 * then fails for each method of a checked port that the test never called, so a new port method
 * cannot go unchecked.
 *
 * <pre>{@code
 * PoolHygiene hygiene = PoolHygiene.of(tracker).alsoIdleWhen("hikari active", () -> pool.active());
 * OrdersPort orders = hygiene.check(OrdersPort.class, adapter);
 * orders.save(order); orders.find(order.id());
 * hygiene.assertEveryMethodCalled();
 * }</pre>
 */
public final class PoolHygiene {
  private final ConnectionTracker tracker;
  private final Map<String, IntSupplier> gauges;
  private final PlainValues values;
  private final Map<Class<?>, Set<String>> expected = new ConcurrentHashMap<>();
  private final Set<String> called = ConcurrentHashMap.newKeySet();

  private PoolHygiene(
      ConnectionTracker tracker, Map<String, IntSupplier> gauges, PlainValues values) {
    this.tracker = tracker;
    this.gauges = gauges;
    this.values = values;
  }

  public static PoolHygiene of(ConnectionTracker tracker) {
    return new PoolHygiene(
        Objects.requireNonNull(tracker, "tracker"), new LinkedHashMap<>(), PlainValues.standard());
  }

  /**
   * Also requires {@code active} to read 0 after each call (e.g. HikariCP's active connections).
   */
  public PoolHygiene alsoIdleWhen(String what, IntSupplier active) {
    Map<String, IntSupplier> all = new LinkedHashMap<>(gauges);
    all.put(what, active);
    return new PoolHygiene(tracker, all, values);
  }

  /** How returned values are judged; default {@link PlainValues#standard()}. */
  public PoolHygiene returning(PlainValues values) {
    return new PoolHygiene(tracker, gauges, Objects.requireNonNull(values, "values"));
  }

  /** {@code adapter} seen through the checks; use the returned object in the test. */
  public <T> T check(Class<T> port, T adapter) {
    Objects.requireNonNull(adapter, "adapter");
    if (!port.isInterface()) {
      throw new IllegalArgumentException(port.getName() + " is not an interface");
    }
    Set<String> methods = new LinkedHashSet<>();
    Arrays.stream(port.getMethods())
        .filter(m -> !m.isDefault() && !Modifier.isStatic(m.getModifiers()))
        .forEach(m -> methods.add(name(port, m)));
    expected.put(port, methods);
    Object proxy =
        Proxy.newProxyInstance(
            port.getClassLoader(),
            new Class<?>[] {port},
            (self, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return method.getName().equals("equals")
                    ? self == args[0]
                    : method.getName().equals("hashCode")
                        ? System.identityHashCode(self)
                        : "checked(" + adapter + ")";
              }
              String name = name(port, method);
              called.add(name);
              Object result;
              try {
                result = call(adapter, method, args);
              } catch (Throwable thrown) {
                // Error paths are where connections leak: a failing call must return its own too.
                assertIdle("after " + name + " threw " + thrown, thrown);
                throw thrown;
              }
              assertIdle("after " + name);
              List<String> problems = values.problemsOfValue(result, name);
              if (!problems.isEmpty()) {
                throw new AssertionFailedError(String.join("\n", problems));
              }
              return result;
            });
    return port.cast(proxy);
  }

  /** Fails unless no connection is checked out now. */
  public void assertIdle(String when) {
    assertIdle(when, null);
  }

  private void assertIdle(String when, Throwable cause) {
    List<String> busy = new ArrayList<>();
    if (tracker.openLeases() > 0) {
      busy.add(tracker.describeOpenLeases());
    }
    gauges.forEach(
        (what, gauge) -> {
          int active = gauge.getAsInt();
          if (active != 0) {
            busy.add(what + " = " + active);
          }
        });
    if (!busy.isEmpty()) {
      throw new AssertionFailedError(
          "pool not idle " + when + ": " + String.join("\n", busy), cause);
    }
  }

  /** Fails for each method of a checked port that was never called through {@link #check}. */
  public void assertEveryMethodCalled() {
    List<String> missed =
        expected.values().stream()
            .flatMap(Set::stream)
            .filter(name -> !called.contains(name))
            .sorted()
            .toList();
    if (!missed.isEmpty()) {
      throw new AssertionFailedError(
          "port methods never called, so never checked: " + String.join(", ", missed));
    }
  }

  private static String name(Class<?> port, Method method) {
    return port.getSimpleName()
        + "."
        + method.getName()
        + Arrays.stream(method.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(java.util.stream.Collectors.joining(", ", "(", ")"));
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    if (!Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
      method.setAccessible(true);
    }
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
