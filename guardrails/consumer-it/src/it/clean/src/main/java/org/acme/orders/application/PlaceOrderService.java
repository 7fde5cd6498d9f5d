package org.acme.orders.application;

import jakarta.inject.Inject;
import java.util.Optional;
import org.acme.orders.application.port.in.OrderRequest;
import org.acme.orders.application.port.in.PlaceOrderUseCase;
import org.acme.orders.application.port.out.OrdersPort;
import org.acme.orders.application.port.out.ShippingQuotePort;
import org.acme.orders.domain.Order;
import org.acme.orders.domain.OrderId;
import org.acme.orders.domain.ShippingQuote;

/**
 * Look up (short transaction), quote (remote call, no connection held), save (short transaction).
 */
public final class PlaceOrderService implements PlaceOrderUseCase {
  private final OrdersPort orders;
  private final ShippingQuotePort shipping;

  @Inject
  public PlaceOrderService(OrdersPort orders, ShippingQuotePort shipping) {
    this.orders = orders;
    this.shipping = shipping;
  }

  @Override
  public Order place(OrderRequest request) {
    Optional<Order> placed = orders.findByReference(request.reference());
    if (placed.isPresent()) {
      return placed.get();
    }
    ShippingQuote quote = shipping.quote(request.postcode(), request.quantity());
    Order order =
        new Order(
            OrderId.random(),
            request.reference(),
            request.sku(),
            request.quantity(),
            request.postcode(),
            quote);
    orders.save(order);
    return order;
  }
}
