package org.acme.orders.domain;

/** A placed order; {@code reference} is the client's idempotency key. */
public record Order(
    OrderId id,
    String reference,
    String sku,
    int quantity,
    String postcode,
    ShippingQuote shipping) {
  public Order {
    if (quantity <= 0) {
      throw new IllegalArgumentException("quantity must be positive: " + quantity);
    }
  }
}
