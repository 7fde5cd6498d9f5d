package org.acme.orders.bootstrap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.inject.Injector;
import com.google.inject.Key;
import dev.shortlease.guardrails.guard.ConnectionHeldDuringLongCallException;
import dev.shortlease.guardrails.guard.ConnectionTracker;
import dev.shortlease.guardrails.guard.GuardMode;
import dev.shortlease.guardrails.guice.Guardrails;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import javax.sql.DataSource;
import org.acme.orders.FakeShippingService;
import org.acme.orders.application.port.in.OrderRequest;
import org.acme.orders.application.port.in.PlaceOrderUseCase;
import org.acme.orders.application.port.out.RemoteCall;
import org.acme.orders.application.port.out.ShippingQuotePort;
import org.acme.orders.domain.Order;
import org.acme.orders.domain.ShippingQuote;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The service as it starts in production (H2 instead of the real database, a fake carrier). */
class OrdersRuntimeTest {
  private final FakeShippingService carrier = FakeShippingService.start();
  private final Injector injector =
      OrdersApp.start(
          new OrdersConfig(
              "jdbc:h2:mem:runtime-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1",
              2,
              carrier.uri(),
              GuardMode.STRICT));
  private final ConnectionTracker tracker = injector.getInstance(ConnectionTracker.class);

  @AfterEach
  void stop() {
    injector.getInstance(EntityManagerFactory.class).close();
    carrier.close();
  }

  @Test
  void placesAnOrderWithoutHoldingAConnectionDuringTheQuote() {
    PlaceOrderUseCase orders = injector.getInstance(PlaceOrderUseCase.class);
    OrderRequest request = new OrderRequest("r-1", "sku-1", 2, "10115");

    Order order = orders.place(request);
    Order again = orders.place(request);

    assertEquals(new ShippingQuote("acme-post", 998), order.shipping());
    assertEquals(order, again);
    assertEquals(1, carrier.calls(), "the retried request is answered from the database");
    assertEquals(0, tracker.guardViolations(), tracker.guardViolationsBySite().toString());
    assertEquals(0, tracker.leaks());
    assertEquals(0, tracker.openLeases(), tracker.describeOpenLeases());
  }

  @Test
  void theRemoteCallIsGuardedAndTheUseCaseLeakChecked() {
    Guardrails.Report report = Guardrails.forLongCallAnnotation(RemoteCall.class).report(injector);

    assertEquals(java.util.List.of(), report.problems());
    assertTrue(report.guarded().contains(Key.get(ShippingQuotePort.class)), report.toString());
    assertTrue(report.leakChecked().contains(Key.get(PlaceOrderUseCase.class)), report.toString());
  }

  @Test
  void theGuardTripsWhenAConnectionIsHeld() throws Exception {
    ShippingQuotePort quotes = injector.getInstance(ShippingQuotePort.class);
    try (Connection held = injector.getInstance(DataSource.class).getConnection()) {
      ConnectionHeldDuringLongCallException e =
          assertThrows(ConnectionHeldDuringLongCallException.class, () -> quotes.quote("10115", 1));
      assertTrue(e.getMessage().contains("ShippingQuotePort"), e.getMessage());
    }
    assertEquals(0, carrier.calls(), "strict mode stops the call before it leaves");
  }
}
