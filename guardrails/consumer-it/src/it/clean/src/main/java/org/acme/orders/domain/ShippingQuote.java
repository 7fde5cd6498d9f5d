package org.acme.orders.domain;

/** What a carrier charges to ship an order, in cents. */
public record ShippingQuote(String carrier, long cents) {
  public ShippingQuote {
    if (carrier == null || carrier.isBlank() || cents < 0) {
      throw new IllegalArgumentException("a quote needs a carrier and a non-negative price");
    }
  }
}
