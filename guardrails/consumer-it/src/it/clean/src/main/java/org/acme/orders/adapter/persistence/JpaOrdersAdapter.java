package org.acme.orders.adapter.persistence;

import jakarta.inject.Inject;
import java.util.Optional;
import org.acme.orders.application.port.out.OrdersPort;
import org.acme.orders.domain.Order;

/** Orders in the database, each port call one transaction. */
public final class JpaOrdersAdapter implements OrdersPort {
  private final Transactions transactions;

  @Inject
  public JpaOrdersAdapter(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public Optional<Order> findByReference(String reference) {
    return transactions.inTransaction(
        em ->
            em.createQuery(
                    "select o from OrderEntity o where o.reference = :reference", OrderEntity.class)
                .setParameter("reference", reference)
                .getResultStream()
                .findFirst()
                .map(OrderEntity::toOrder));
  }

  @Override
  public void save(Order order) {
    transactions.inTransaction(
        em -> {
          em.persist(OrderEntity.of(order));
          return null;
        });
  }
}
