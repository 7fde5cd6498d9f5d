package org.acme.orders.domain;

import java.util.Objects;
import java.util.UUID;

/** Identity of an order. */
public record OrderId(UUID value) {
  public OrderId {
    Objects.requireNonNull(value, "value");
  }

  public static OrderId random() {
    return new OrderId(UUID.randomUUID());
  }
}
