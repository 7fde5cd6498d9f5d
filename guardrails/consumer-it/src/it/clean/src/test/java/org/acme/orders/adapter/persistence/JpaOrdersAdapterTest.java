package org.acme.orders.adapter.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import dev.shortlease.guardrails.guard.ConnectionTracker;
import dev.shortlease.guardrails.testkit.PortChecks;
import jakarta.persistence.EntityManagerFactory;
import java.util.Optional;
import org.acme.orders.application.port.out.OrdersPort;
import org.acme.orders.application.port.out.ShippingQuotePort;
import org.acme.orders.domain.Order;
import org.acme.orders.domain.OrderId;
import org.acme.orders.domain.ShippingQuote;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The persistence adapter with the test kit: the pool is idle after every port call. */
class JpaOrdersAdapterTest {
  private final ConnectionTracker tracker = ConnectionTracker.create();
  private final HikariDataSource pool =
      OrdersDatabase.pool("jdbc:h2:mem:adapter-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1", 2);
  private final EntityManagerFactory entityManagers =
      OrdersDatabase.entityManagerFactory(tracker.wrap(pool));
  private final JpaOrdersAdapter adapter = new JpaOrdersAdapter(new Transactions(entityManagers));

  @AfterEach
  void close() {
    entityManagers.close();
    pool.close();
  }

  @Test
  void everyPortCallReturnsItsConnection() {
    Order order =
        new Order(
            OrderId.random(), "r-1", "sku-1", 2, "10115", new ShippingQuote("acme-post", 998));
    PortChecks.assertPoolIdleAfterEachCall(
        tracker,
        OrdersPort.class,
        adapter,
        orders -> {
          assertEquals(Optional.empty(), orders.findByReference("r-1"));
          orders.save(order);
          assertEquals(Optional.of(order), orders.findByReference("r-1"));
        });
  }

  @Test
  void portsSpeakPlainValues() {
    PortChecks.assertPlainValues(OrdersPort.class);
    PortChecks.assertPlainValues(ShippingQuotePort.class);
  }
}
