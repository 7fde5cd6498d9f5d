package org.acme.orders.application.port.out;

import org.acme.orders.domain.ShippingQuote;

/** The carrier's quote service: an HTTP call that may take seconds. */
@RemoteCall
public interface ShippingQuotePort {
  ShippingQuote quote(String postcode, int parcels);
}
