package dev.shortlease.benchmark.held;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;

/**
 * Teaching variant (benchmark only): which held session the current request is in. Inheritable, so
 * the generation thread the use case starts for the request sees the same session, as code running
 * inside one request-scoped session would.
 */
final class RequestSessions {

  private static final InheritableThreadLocal<HeldSession> CURRENT = new InheritableThreadLocal<>();

  private RequestSessions() {}

  static void enter(HeldSession session) {
    CURRENT.set(session);
  }

  static void leave() {
    CURRENT.remove();
  }

  /** The current request's held connection, as a view whose {@code close()} keeps it held. */
  static Connection heldConnectionOrNull() {
    HeldSession session = CURRENT.get();
    if (session == null || session.isReleased()) {
      return null;
    }
    Connection held = session.connection();
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              switch (method.getName()) {
                case "close" -> {
                  return null; // the session, not the transaction, decides when it goes back
                }
                case "isClosed" -> {
                  return session.isReleased() || held.isClosed();
                }
                default -> {
                  try {
                    return method.invoke(held, args);
                  } catch (InvocationTargetException e) {
                    throw e.getCause();
                  }
                }
              }
            });
  }
}
