package org.acme.orders.adapter.persistence;

import org.acme.orders.application.port.out.ShippingQuotePort;
import org.acme.orders.domain.ShippingQuote;

/** PLANTED: asks the carrier for a new quote while the order row's transaction is open. */
public final class OrderRequoter {
  private final Transactions transactions;
  private final ShippingQuotePort shipping;

  public OrderRequoter(Transactions transactions, ShippingQuotePort shipping) {
    this.transactions = transactions;
    this.shipping = shipping;
  }

  public void requote(String reference) {
    transactions.inTransaction(
        em -> {
          OrderEntity row =
              em.createQuery(
                      "select o from OrderEntity o where o.reference = :reference",
                      OrderEntity.class)
                  .setParameter("reference", reference)
                  .getSingleResult();
          ShippingQuote quote = shipping.quote(row.postcode, row.quantity);
          row.carrier = quote.carrier();
          row.shippingCents = quote.cents();
          return null;
        });
  }
}
