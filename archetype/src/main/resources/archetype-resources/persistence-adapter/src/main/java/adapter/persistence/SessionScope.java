package ${package}.adapter.persistence;

import ${package}.domain.StorageUnavailableException;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.RecordComponent;
import java.sql.SQLTransientConnectionException;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.proxy.HibernateProxy;

/**
 * Every port method runs its work here: open an EntityManager, one transaction, map to records,
 * commit, close. The connection is taken at the first statement and returned at commit, so no
 * connection outlives the call. The architecture test knows this class: a long-call port called in
 * a lambda passed to it fails the build.
 *
 * <p>The result is checked inside the transaction, so a mistake rolls back: an entity or a
 * Hibernate proxy in the returned value (records, collections, maps, arrays and optionals are
 * walked) fails fast.
 *
 * <p>A pool that lends no connection within its timeout (HikariCP's {@link
 * SQLTransientConnectionException}, which Hibernate wraps) becomes a {@link
 * StorageUnavailableException}: the web adapter answers it with 503 and {@code Retry-After}.
 */
final class SessionScope {
  private static final int MAX_DEPTH = 4;

  private final EntityManagerFactory factory;

  SessionScope(EntityManagerFactory factory) {
    this.factory = factory;
  }

  /** Runs {@code work} in one short transaction and returns its detached result. */
  <T> T call(Function<EntityManager, T> work) {
    try {
      return factory.callInTransaction(em -> requireDetached(work.apply(em), 0));
    } catch (RuntimeException e) {
      throw unavailableOr(e);
    }
  }

  /** Runs {@code work} in one short transaction. */
  void run(Consumer<EntityManager> work) {
    try {
      factory.runInTransaction(work);
    } catch (RuntimeException e) {
      throw unavailableOr(e);
    }
  }

  /** {@code failure} itself, unless the pool timed out somewhere beneath it. */
  static RuntimeException unavailableOr(RuntimeException failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof SQLTransientConnectionException timeout) {
        return new StorageUnavailableException(
            "no database connection within the pool's timeout: " + timeout.getMessage(), failure);
      }
    }
    return failure;
  }

  static <T> T requireDetached(T value, int depth) {
    if (value == null || depth > MAX_DEPTH) {
      return value;
    }
    if (value instanceof HibernateProxy
        || value instanceof EntityManager
        || value.getClass().isAnnotationPresent(Entity.class)) {
      throw new IllegalStateException(
          "a port must not return managed state, got " + value.getClass().getName());
    }
    switch (value) {
      case Collection<?> items -> items.forEach(item -> requireDetached(item, depth + 1));
      case Map<?, ?> map ->
          map.forEach(
              (key, item) -> {
                requireDetached(key, depth + 1);
                requireDetached(item, depth + 1);
              });
      case Object[] items -> {
        for (Object item : items) {
          requireDetached(item, depth + 1);
        }
      }
      case Optional<?> optional -> optional.ifPresent(item -> requireDetached(item, depth + 1));
      case Record record -> {
        for (RecordComponent component : record.getClass().getRecordComponents()) {
          try {
            requireDetached(component.getAccessor().invoke(record), depth + 1);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot inspect " + component, e);
          }
        }
      }
      default -> {}
    }
    return value;
  }
}
