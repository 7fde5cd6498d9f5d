package dev.shortlease.bootstrap.tracing;

import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * Tracing: a JDK proxy that runs each call of an interface inside a span, current on the calling
 * thread while the call runs (so what the call does, a connection lease say, nests under it), and
 * ended with the call. The interface's own exceptions pass unwrapped, recorded on the span.
 */
final class SpanProxy {
  /** The kind of span the current context is inside, so a doubly decorated call spans once. */
  private static final ContextKey<Class<?>> INSIDE = ContextKey.named("shortlease.span.kind");

  private SpanProxy() {}

  /** What spans a decorated interface gets. */
  interface Spans {
    /** Starts the span of one call (parent: the current context); null for no span. */
    Span start(Method method, Object[] args);

    /** Adds what the result tells (tokens, finish reason) before the span ends. */
    default void succeeded(Span span, Object result) {}

    /** The {@code error.type} of a failure: by default its class name. */
    default String errorType(Throwable failure) {
      return failure.getClass().getName();
    }
  }

  static <T> T wrap(Class<T> type, T delegate, Spans spans) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(), new Class<?>[] {type}, new Handler(delegate, spans)));
  }

  private record Handler(Object delegate, Spans spans) implements InvocationHandler {
    @Override
    public Object invoke(Object self, Method method, Object[] args) throws Throwable {
      if (method.getDeclaringClass() == Object.class) {
        return switch (method.getName()) {
          case "equals" -> self == args[0];
          case "hashCode" -> System.identityHashCode(self);
          case "toString" -> "traced(" + delegate + ")";
          default -> call(method, args);
        };
      }
      // a binding decorated twice (a model port linked through a measuring wrapper, say) makes its
      // span once: the inner proxy sees the outer one's kind in the context
      if (Context.current().get(INSIDE) == spans.getClass()) {
        return call(method, args);
      }
      Span span = spans.start(method, args);
      if (span == null) {
        return call(method, args);
      }
      try (Scope ignored =
          Context.current().with(span).with(INSIDE, spans.getClass()).makeCurrent()) {
        Object result = call(method, args);
        spans.succeeded(span, result);
        return result;
      } catch (Throwable failure) {
        span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
        span.setAttribute(SemConv.ERROR_TYPE, spans.errorType(failure));
        span.recordException(failure);
        throw failure;
      } finally {
        span.end();
      }
    }

    private Object call(Method method, Object[] args) throws Throwable {
      try {
        method.setAccessible(true); // a package-private implementation's public method
        return method.invoke(delegate, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }
  }
}
