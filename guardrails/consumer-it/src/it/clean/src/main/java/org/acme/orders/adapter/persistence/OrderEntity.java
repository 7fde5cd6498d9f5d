package org.acme.orders.adapter.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;
import org.acme.orders.domain.Order;
import org.acme.orders.domain.OrderId;
import org.acme.orders.domain.ShippingQuote;

/** The stored row; package-private so that it never leaves this adapter. */
@Entity
@Table(name = "acme_order")
class OrderEntity {
  @Id UUID id;

  @Column(unique = true, nullable = false)
  String reference;

  String sku;
  int quantity;
  String postcode;
  String carrier;
  long shippingCents;

  OrderEntity() {}

  static OrderEntity of(Order order) {
    OrderEntity row = new OrderEntity();
    row.id = order.id().value();
    row.reference = order.reference();
    row.sku = order.sku();
    row.quantity = order.quantity();
    row.postcode = order.postcode();
    row.carrier = order.shipping().carrier();
    row.shippingCents = order.shipping().cents();
    return row;
  }

  Order toOrder() {
    return new Order(
        new OrderId(id),
        reference,
        sku,
        quantity,
        postcode,
        new ShippingQuote(carrier, shippingCents));
  }
}
