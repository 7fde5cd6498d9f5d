package org.acme.orders.application.port.out;

import java.util.Optional;
import org.acme.orders.domain.Order;

/** Stored orders; every call is one short transaction. */
public interface OrdersPort {
  Optional<Order> findByReference(String reference);

  void save(Order order);
}
