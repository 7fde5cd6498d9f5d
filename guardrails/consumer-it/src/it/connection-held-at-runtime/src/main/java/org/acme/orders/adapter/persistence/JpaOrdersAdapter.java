package org.acme.orders.adapter.persistence;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.acme.orders.application.port.out.OrdersPort;
import org.acme.orders.domain.Order;

/**
 * PLANTED (replaces the clean adapter): the lookup manages its own EntityManager and, when no order
 * is found, returns without ending its transaction, so the connection stays checked out while the
 * use case goes on to call the carrier. No architecture rule can see this; the runtime guard does.
 */
public final class JpaOrdersAdapter implements OrdersPort {
  private final Transactions transactions;

  @Inject
  public JpaOrdersAdapter(Transactions transactions) {
    this.transactions = transactions;
  }

  @Override
  public Optional<Order> findByReference(String reference) {
    EntityManager em = transactions.entityManagers().createEntityManager();
    em.getTransaction().begin();
    Optional<Order> found =
        em.createQuery(
                "select o from OrderEntity o where o.reference = :reference", OrderEntity.class)
            .setParameter("reference", reference)
            .getResultStream()
            .findFirst()
            .map(OrderEntity::toOrder);
    if (found.isEmpty()) {
      return found; // forgot: em.getTransaction().rollback(); em.close();
    }
    em.getTransaction().commit();
    em.close();
    return found;
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
