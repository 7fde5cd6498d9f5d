package org.acme.orders.adapter.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.EntityTransaction;
import java.util.function.Function;

/**
 * One short transaction per call: the pooled connection is checked out for {@code work} only. The
 * architecture test names this class as the transaction callback, so a remote call written inside
 * {@code work} fails the build.
 */
public final class Transactions {
  private final EntityManagerFactory entityManagers;

  public Transactions(EntityManagerFactory entityManagers) {
    this.entityManagers = entityManagers;
  }

  /** For code of this adapter that needs an EntityManager of its own. */
  EntityManagerFactory entityManagers() {
    return entityManagers;
  }

  public <T> T inTransaction(Function<EntityManager, T> work) {
    try (EntityManager em = entityManagers.createEntityManager()) {
      EntityTransaction tx = em.getTransaction();
      tx.begin();
      try {
        T result = work.apply(em);
        tx.commit();
        return result;
      } finally {
        if (tx.isActive()) {
          tx.rollback();
        }
      }
    }
  }
}
