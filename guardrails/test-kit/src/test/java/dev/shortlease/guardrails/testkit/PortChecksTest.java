package dev.shortlease.guardrails.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.guardrails.guard.ConnectionTracker;
import dev.shortlease.guardrails.testkit.fixture.Orders;
import dev.shortlease.guardrails.testkit.fixture.Orders.JdbcOrders;
import dev.shortlease.guardrails.testkit.fixture.Orders.OrderId;
import dev.shortlease.guardrails.testkit.fixture.Orders.OrdersPort;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PortChecksTest {
  private final ConnectionTracker tracker = ConnectionTracker.create();
  private final DataSource dataSource = tracker.wrap(h2());

  private static void exerciseAll(OrdersPort orders) {
    OrderId id = orders.place(List.of("tea"));
    orders.find(id);
    orders.byStatus();
    orders.pay(id);
  }

  @Test
  @DisplayName("a clean adapter passes when every method is called")
  void cleanAdapterPasses() {
    PortChecks.assertPoolIdleAfterEachCall(
        tracker, OrdersPort.class, new JdbcOrders(dataSource, "none"), PortChecksTest::exerciseAll);
  }

  @Test
  @DisplayName("a method that returns holding a connection fails, naming it and the acquiring site")
  void leakingMethodFails() throws Exception {
    JdbcOrders leaky = new JdbcOrders(dataSource, "find");
    try {
      assertThatThrownBy(
              () ->
                  PortChecks.assertPoolIdleAfterEachCall(
                      tracker, OrdersPort.class, leaky, PortChecksTest::exerciseAll))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("pool not idle after OrdersPort.find(OrderId)")
          .hasMessageContaining("Orders$JdbcOrders.transaction");
    } finally {
      leaky.closeLeaked();
    }
  }

  @Test
  @DisplayName("a method that throws holding a connection fails too, and counts as called")
  void leakOnTheErrorPathFails() throws Exception {
    interface LookupPort {
      String lookup(String key);
    }
    List<java.sql.Connection> taken = new java.util.ArrayList<>();
    LookupPort leaky =
        key -> {
          try {
            taken.add(dataSource.getConnection());
          } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
          }
          throw new IllegalArgumentException("no " + key);
        };
    try {
      assertThatThrownBy(
              () ->
                  PortChecks.assertPoolIdleAfterEachCall(
                      tracker,
                      LookupPort.class,
                      leaky,
                      port ->
                          assertThatThrownBy(() -> port.lookup("k"))
                              .isInstanceOf(IllegalArgumentException.class)))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("pool not idle after LookupPort.lookup(String)")
          .hasMessageNotContaining("never called");
    } finally {
      for (java.sql.Connection connection : taken) {
        connection.close();
      }
    }
  }

  @Test
  @DisplayName("a port method the test never calls fails the check")
  void uncalledMethodFails() {
    assertThatThrownBy(
            () ->
                PortChecks.assertPoolIdleAfterEachCall(
                    tracker,
                    OrdersPort.class,
                    new JdbcOrders(dataSource, "none"),
                    orders -> orders.place(List.of())))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("never called")
        .hasMessageContaining("OrdersPort.byStatus()")
        .hasMessageContaining("OrdersPort.pay(OrderId)");
  }

  @Test
  @DisplayName("an adapter handing out an entity or an object of a forbidden package fails")
  void technologyInAReturnedValueFails() {
    interface EntityPort {
      Optional<Object> load();
    }
    EntityPort port = () -> Optional.of(new Orders.OrderEntity());
    EntityPort checked = PoolHygiene.of(tracker).check(EntityPort.class, port);

    assertThatThrownBy(checked::load)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("EntityPort.load() handed out a")
        .hasMessageContaining("OrderEntity (an entity)");

    EntityPort internal = () -> Optional.of(new Orders.Cursor());
    EntityPort forbidding =
        PoolHygiene.of(tracker)
            .returning(
                PlainValues.standard()
                    .forbiddingPackages("dev.shortlease.guardrails.testkit.fixture."))
            .check(EntityPort.class, internal);
    assertThatThrownBy(forbidding::load).hasMessageContaining("Orders$Cursor");
  }

  @Test
  @DisplayName("a lazy proxy of an entity (a subclass, as Hibernate makes it) is an entity too")
  void entityProxyFails() {
    interface EntityPort {
      Optional<Object> load();
    }
    class OrderEntityProxy extends Orders.OrderEntity {}
    EntityPort port = () -> Optional.of(new OrderEntityProxy());
    EntityPort checked = PoolHygiene.of(tracker).check(EntityPort.class, port);

    assertThatThrownBy(checked::load)
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("OrderEntityProxy (an entity)");
  }

  @Test
  @DisplayName("an entity in a signature is named as one, with the fix, not as a class to allow")
  void entityInASignatureSaysWhatToDo() {
    interface ConversationsPort {
      Orders.OrderEntity conversation(long id);
    }

    assertThatThrownBy(() -> PortChecks.assertPlainValues(ConversationsPort.class))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("Orders$OrderEntity is a JPA entity, never a plain value")
        .hasMessageContaining("return a record mapped from it inside the persistence adapter")
        .hasMessageNotContaining("allow it by name");
  }

  /** A Spring-style controller: a class, its public methods serialised to the client. */
  public static class TicketController {
    public Orders.OrderEntity raw(long id) {
      return new Orders.OrderEntity();
    }

    public static Orders.Cursor helper() {
      return new Orders.Cursor();
    }
  }

  /** The same controller, answering with records. */
  public static class CleanController {
    public List<Orders.Order> orders(long id) {
      return List.of();
    }
  }

  @Test
  @DisplayName("a class (a Spring service or controller) is checked by its public instance methods")
  void classesAreCheckedLikePorts() {
    assertThatThrownBy(() -> PortChecks.assertPlainValues(TicketController.class))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("TicketController.raw returns")
        .hasMessageContaining("Orders$OrderEntity is a JPA entity, never a plain value")
        .hasMessageNotContaining("helper");
    PortChecks.assertPlainValues(CleanController.class);
  }

  @Test
  @DisplayName("an extra pool gauge that reads busy fails the check")
  void extraGaugeFails() {
    OrdersPort checked =
        PoolHygiene.of(tracker)
            .alsoIdleWhen("active connections", () -> 1)
            .check(OrdersPort.class, new JdbcOrders(dataSource, "none"));

    assertThatThrownBy(checked::byStatus).hasMessageContaining("active connections = 1");
  }

  @Test
  @DisplayName("a port of records, enums, sealed records, Optional, Map and java.time is plain")
  void plainPortPasses() {
    PortChecks.assertPlainValues(OrdersPort.class);
  }

  @Test
  @DisplayName("a mutable class, an unbounded type variable and a record hiding a class all fail")
  void leakyPortFails() {
    assertThatThrownBy(() -> PortChecks.assertPlainValues(Orders.LeakyPort.class))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("LeakyPort.cursor returns")
        .hasMessageContaining("Orders$Cursor is not a plain value (a class")
        .hasMessageContaining("LeakyPort.anything returns T: java.lang.Object is not a plain value")
        .hasMessageContaining("LeakyPort.holders returns");
    assertThat(PlainValues.standard().problemsOf(Orders.LeakyPort.class)).hasSize(5);
  }

  @Test
  @DisplayName("a generic record is plain or not by its type argument")
  void genericRecords() {
    PortChecks.assertPlainValues(Orders.PagedPort.class);
    assertThatThrownBy(() -> PortChecks.assertPlainValues(Orders.BadPagedPort.class))
        .hasMessageContaining("BadPagedPort.cursors returns")
        .hasMessageContaining("Orders$Cursor is not a plain value");
  }

  @Test
  @DisplayName("a callback interface fails until it is allowed by name")
  void callbackNeedsAllowing() {
    assertThatThrownBy(() -> PortChecks.assertPlainValues(Orders.ReportPort.class))
        .hasMessageContaining("ProgressSink is not a plain value (an interface");

    PortChecks.assertPlainValues(
        Orders.ReportPort.class, PlainValues.standard().allowing(Orders.ProgressSink.class));
    PortChecks.assertPlainValues(
        Orders.ReportPort.class,
        PlainValues.standard().allowingPackages("dev.shortlease.guardrails.testkit.fixture."));
  }

  private static DataSource h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:kit-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return h2;
  }
}
