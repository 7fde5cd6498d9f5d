package org.acme.orders.application.port.in;

/** What a client asks for; {@code reference} makes a retried request place one order only. */
public record OrderRequest(String reference, String sku, int quantity, String postcode) {}
