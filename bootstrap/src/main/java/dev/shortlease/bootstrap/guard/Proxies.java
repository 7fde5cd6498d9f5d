package dev.shortlease.bootstrap.guard;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/** Shared plumbing of the guard decorators: a JDK proxy that runs a check around each call. */
final class Proxies {
  private Proxies() {}

  /** Code run around one call of a port method; {@link #proceed} runs the real call. */
  @FunctionalInterface
  interface Around {
    Object invoke(Method method, Invocation proceed) throws Throwable;
  }

  /** The decorated call, ready to run. */
  @FunctionalInterface
  interface Invocation {
    Object proceed() throws Throwable;
  }

  static <T> T decorate(Class<T> type, T delegate, Around around) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(delegate, "delegate");
    if (!type.isInterface()) {
      throw new IllegalArgumentException(type.getName() + " is not an interface");
    }
    Object proxy =
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            (self, method, args) -> {
              if (method.getDeclaringClass() == Object.class) {
                return objectMethod(self, delegate, method, args);
              }
              return around.invoke(method, () -> call(delegate, method, args));
            });
    return type.cast(proxy);
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

  private static Object call(Object target, Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause(); // callers see the port's own exception, not reflection's wrapper
    }
  }

  private static Object objectMethod(Object self, Object delegate, Method method, Object[] args)
      throws Throwable {
    return switch (method.getName()) {
      case "equals" -> self == args[0];
      case "hashCode" -> System.identityHashCode(self);
      case "toString" -> "guarded(" + delegate + ")";
      default -> call(delegate, method, args);
    };
  }
}
