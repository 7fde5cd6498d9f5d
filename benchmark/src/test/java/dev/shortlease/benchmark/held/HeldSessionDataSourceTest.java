package dev.shortlease.benchmark.held;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class HeldSessionDataSourceTest {

  /** A pool that hands out fresh fake connections and counts the ones given back. */
  private final List<Connection> borrowed = new ArrayList<>();

  private final AtomicInteger returned = new AtomicInteger();
  private final HeldSessionDataSource sessions = new HeldSessionDataSource();

  HeldSessionDataSourceTest() {
    DataSource pool =
        (DataSource)
            Proxy.newProxyInstance(
                DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class},
                (proxy, method, args) -> {
                  if (!method.getName().equals("getConnection")) {
                    throw new UnsupportedOperationException(method.getName());
                  }
                  Connection connection = fakeConnection();
                  borrowed.add(connection);
                  return connection;
                });
    assertThat(sessions.decorate(pool)).isSameAs(sessions);
  }

  private Connection fakeConnection() {
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "close" -> {
                    returned.incrementAndGet();
                    yield null;
                  }
                  case "isClosed" -> false;
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default -> null;
                });
  }

  @Test
  @DisplayName("inside a held request every transaction runs on the one held connection")
  void transactionsShareTheHeldConnection() throws Exception {
    HeldSession session = sessions.open();
    RequestSessions.enter(session);
    try {
      for (int transaction = 0; transaction < 3; transaction++) {
        try (Connection c = sessions.getConnection()) {
          assertThat(c.isClosed()).isFalse();
        }
      }
      Thread generation = new Thread(this::oneTransaction); // inherits the session
      generation.start();
      generation.join();
    } finally {
      RequestSessions.leave();
    }
    assertThat(borrowed).hasSize(1);
    assertThat(returned).hasValue(0);

    session.release();
    session.release();
    assertThat(returned).hasValue(1);
  }

  @Test
  @DisplayName("outside a held request, or once it was released, connections come from the pool")
  void outsideARequestThePoolServes() throws Exception {
    try (Connection c = sessions.getConnection()) {
      assertThat(borrowed).containsExactly(c);
    }
    HeldSession session = sessions.open();
    RequestSessions.enter(session);
    try {
      session.release();
      try (Connection c = sessions.getConnection()) {
        assertThat(borrowed).hasSize(3).last().isSameAs(c);
      }
    } finally {
      RequestSessions.leave();
    }
  }

  private void oneTransaction() {
    try (Connection c = sessions.getConnection()) {
      assertThat(c.isClosed()).isFalse();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
