package org.acme.orders.adapter.http;

import org.acme.orders.adapter.persistence.JpaOrdersAdapter;
import org.acme.orders.application.port.out.ShippingQuotePort;
import org.acme.orders.domain.ShippingQuote;

/** PLANTED: the HTTP adapter reaching into the persistence adapter instead of meeting at a port. */
public final class RememberingShippingQuoteAdapter implements ShippingQuotePort {
  private final HttpShippingQuoteAdapter remote;
  private final JpaOrdersAdapter orders;

  public RememberingShippingQuoteAdapter(HttpShippingQuoteAdapter remote, JpaOrdersAdapter orders) {
    this.remote = remote;
    this.orders = orders;
  }

  @Override
  public ShippingQuote quote(String postcode, int parcels) {
    return orders
        .findByReference("last-quote-" + postcode)
        .map(order -> order.shipping())
        .orElseGet(() -> remote.quote(postcode, parcels));
  }
}
