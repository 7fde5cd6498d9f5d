package org.acme.orders.application;

import org.hibernate.SessionFactory;

/** PLANTED: a use-case helper that talks to Hibernate directly instead of through a port. */
public final class OrderStatistics {
  private final SessionFactory sessions;

  public OrderStatistics(SessionFactory sessions) {
    this.sessions = sessions;
  }

  public long ordersPlaced() {
    return sessions.fromSession(
        session ->
            session
                .createSelectionQuery("select count(*) from OrderEntity", Long.class)
                .getSingleResult());
  }
}
