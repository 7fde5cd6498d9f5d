package org.acme.orders.application.port.in;

import org.acme.orders.domain.Order;

/** Places an order with a shipping quote; placing the same reference twice returns the first. */
public interface PlaceOrderUseCase {
  Order place(OrderRequest request);
}
