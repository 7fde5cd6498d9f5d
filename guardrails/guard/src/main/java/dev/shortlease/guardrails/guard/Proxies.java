package dev.shortlease.guardrails.guard;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Shared plumbing of the guard decorators: a JDK proxy that runs a check around each call, and
 * recognises its own proxies so a composition can be verified.
 */
final class Proxies {
  private Proxies() {}

  /** What a decorator does; {@link Proxies#carries} tells whether an object carries one. */
  enum Role {
    LONG_CALL_GUARD,
    LEAK_CHECK
  }

  /** Code run around one call of an interface method; {@code proceed} runs the real call. */
  @FunctionalInterface
  interface Around {
    Object invoke(Method method, Invocation proceed) throws Throwable;
  }

  /** The decorated call, ready to run. */
  @FunctionalInterface
  interface Invocation {
    Object proceed() throws Throwable;
  }

  static <T> T decorate(Class<T> type, T delegate, Role role, Around around) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(delegate, "delegate");
    if (!type.isInterface()) {
      throw new IllegalArgumentException(type.getName() + " is not an interface");
    }
    Object proxy =
        Proxy.newProxyInstance(
            type.getClassLoader(), new Class<?>[] {type}, new Handler(role, delegate, around));
    return type.cast(proxy);
  }

  /** True when {@code candidate} is, or wraps (through other kit decorators), {@code role}. */
  static boolean carries(Object candidate, Role role) {
    Object current = candidate;
    while (current != null
        && Proxy.isProxyClass(current.getClass())
        && Proxy.getInvocationHandler(current) instanceof Handler handler) {
      if (handler.role == role) {
        return true;
      }
      current = handler.delegate;
    }
    return false;
  }

  /** {@code Port.method(ParamType, ...)}, as a failure message names it. */
  static String describe(Class<?> type, Method method) {
    return type.getSimpleName()
        + "."
        + method.getName()
        + Arrays.stream(method.getParameterTypes())
            .map(Class::getSimpleName)
            .collect(Collectors.joining(", ", "(", ")"));
  }

  private record Handler(Role role, Object delegate, Around around) implements InvocationHandler {
    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
      if (method.getDeclaringClass() == Object.class) {
        return objectMethod(self, method, args);
      }
      return around.invoke(method, () -> call(delegate, method, args));
    }

    private Object objectMethod(Object self, Method method, Object[] args) throws Throwable {
      return switch (method.getName()) {
        case "equals" -> self == args[0];
        case "hashCode" -> System.identityHashCode(self);
        case "toString" ->
            (role == Role.LONG_CALL_GUARD ? "guarded(" : "leakChecked(") + delegate + ")";
        default -> call(delegate, method, args);
      };
    }
  }

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    if (!Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
      method.setAccessible(true); // a package-private port, decorated from this package
    }
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause(); // callers see the port's own exception, not reflection's wrapper
    }
  }
}
