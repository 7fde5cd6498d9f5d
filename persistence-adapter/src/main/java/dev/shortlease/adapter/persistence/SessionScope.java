package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.StorageUnavailableException;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.SharedSessionContract;
import org.hibernate.StatelessSession;
import org.hibernate.collection.spi.PersistentCollection;
import org.hibernate.jdbc.ReturningWork;
import org.hibernate.proxy.HibernateProxy;

/**
 * Session scope (rule R1): every port method runs its work here — open an EntityManager, one
 * transaction, map to records, commit, close — on Jakarta Persistence 3.2's {@code
 * callInTransaction}. The connection is taken at the first statement and returned at commit.
 *
 * <p>The hot path of a chat (T2, T4) runs as {@linkplain #callOneStatement one statement} instead:
 * on PostgreSQL reached directly it commits itself (ADR 0038), elsewhere it runs in a {@linkplain
 * #callStateless stateless session}; either way there is no persistence context to flush, which
 * costs a fraction of the CPU, and nothing there could be managed anyway.
 *
 * <p>The result is checked inside the transaction, so a mistake rolls back: an entity, a Hibernate
 * proxy or collection, or a session anywhere in the returned value (records, collections, maps,
 * optionals and arrays of reference types — a query's {@code Object[]} rows — are walked) fails
 * fast with {@link IllegalStateException}.
 *
 * <p>Each unit runs on one of the {@link DatabaseWorkers}' platform threads; the caller waits for
 * the detached result and never holds the connection itself.
 */
final class SessionScope {
  private static final int MAX_DEPTH = 6;

  /** Record accessors, looked up once per record type rather than on every return. */
  private static final ClassValue<Method[]> ACCESSORS =
      new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
          RecordComponent[] components = type.getRecordComponents();
          Method[] accessors = new Method[components.length];
          for (int i = 0; i < components.length; i++) {
            accessors[i] = components[i].getAccessor();
            accessors[i].trySetAccessible();
          }
          return accessors;
        }
      };

  /** Whether a type is an entity, looked up once per type: the check runs on every value. */
  private static final ClassValue<Boolean> ENTITY =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          return type.isAnnotationPresent(Entity.class);
        }
      };

  // A record whose components' declared types cannot hold managed state (primitives, final
  // non-entity classes such as String, UUID and Instant, enums, records of those, and arrays of
  // any of these) is never walked: its accessors, called reflectively on every result, were ~1 %
  // of a chat's CPU. Nor is such an array. An Object[] or an entity array is walked.
  private static final ClassValue<Boolean> DETACHED_BY_TYPE =
      new ClassValue<>() {
        @Override
        protected Boolean computeValue(Class<?> type) {
          return detachedByType(type, new HashSet<>());
        }
      };

  private final EntityManagerFactory factory;
  private final SessionFactory sessions;
  private final DatabaseWorkers workers;
  private final Database database;

  /** Every unit of work on the calling thread; no share of the pool kept. */
  SessionScope(EntityManagerFactory factory) {
    this(factory, DatabaseWorkers.callerThread(), Database.OTHER);
  }

  /** Units of work run on {@code workers}: ordinary ones within their share, reserved first. */
  SessionScope(EntityManagerFactory factory, DatabaseWorkers workers, Database database) {
    this.factory = factory;
    this.sessions = factory.unwrap(SessionFactory.class);
    this.workers = workers;
    this.database = database;
  }

  /** What the connections lead to: which SQL adapters may use, how one statement commits. */
  Database database() {
    return database;
  }

  /** Runs {@code work} in one short transaction and returns its detached result. */
  <T> T call(Function<EntityManager, T> work) {
    return workers.ordinary(() -> inTransaction(work));
  }

  /**
   * As {@link #call}, on the share of the pool kept for running chats and the lease: only for work
   * that must not wait behind ordinary requests (see {@link DatabaseWorkers}).
   */
  <T> T callReserved(Function<EntityManager, T> work) {
    return workers.reserved(() -> inTransaction(work));
  }

  /**
   * Runs {@code work} in one short transaction of a {@link StatelessSession}: every insert and
   * update executes at once, nothing is tracked, and the result is checked as in {@link #call}.
   */
  <T> T callStateless(Function<StatelessSession, T> work) {
    return workers.ordinary(() -> inStatelessTransaction(work));
  }

  /** As {@link #callStateless}, on the reserved share (see {@link #callReserved}). */
  <T> T callStatelessReserved(Function<StatelessSession, T> work) {
    return workers.reserved(() -> inStatelessTransaction(work));
  }

  /**
   * Runs one statement that is a whole transaction by itself, and returns its checked result. On
   * PostgreSQL reached directly it runs in autocommit: the statement commits itself, one round trip
   * with the connection out instead of two (statement, then {@code COMMIT}). Elsewhere — H2, or
   * PgBouncer's transaction mode, whose settings open each transaction — in a stateless
   * transaction, as {@link #callStateless}.
   */
  <T> T callOneStatement(ReturningWork<T> statement) {
    return workers.ordinary(() -> inOneStatement(statement));
  }

  /** As {@link #callOneStatement}, on the reserved share (see {@link #callReserved}). */
  <T> T callOneStatementReserved(ReturningWork<T> statement) {
    return workers.reserved(() -> inOneStatement(statement));
  }

  private <T> T inTransaction(Function<EntityManager, T> work) {
    try {
      return factory.callInTransaction(em -> requireDetached(answered(em, work.apply(em)), 0));
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  /**
   * {@code value}, unless a failure that was not thrown marked the transaction rollback-only:
   * {@code em.find} then answers null instead of failing (Hibernate's rule for HHH-12472), which is
   * no answer, and the commit would fail with only "Connection is closed". On a connection the pool
   * closed as lost that is the database being away: transient, as the failure itself would be.
   */
  private static <T> T answered(EntityManager em, T value) {
    if (!em.getTransaction().getRollbackOnly()) {
      return value;
    }
    if (em.unwrap(Session.class).doReturningWork(Connection::isClosed)) {
      throw new StorageUnavailableException(
          "database unavailable (the connection was lost during the transaction)", null);
    }
    throw new IllegalStateException(
        "a statement failed but Hibernate answered instead (see its log); not committed");
  }

  private <T> T inStatelessTransaction(Function<StatelessSession, T> work) {
    try {
      return sessions.fromStatelessTransaction(session -> requireDetached(work.apply(session), 0));
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  private <T> T inOneStatement(ReturningWork<T> statement) {
    if (!database.autoCommitsOneStatement()) {
      return inStatelessTransaction(session -> session.doReturningWork(statement));
    }
    try {
      return sessions.fromStatelessSession(
          session ->
              session.doReturningWork(
                  connection -> {
                    // Local to the driver (no transaction is open); the pool restores it.
                    connection.setAutoCommit(true);
                    try {
                      return requireDetached(statement.execute(connection), 0);
                    } finally {
                      // A lost connection is closed by the pool: resetting it would throw "closed"
                      // and hide the transient failure (SQLState 08…) the statement raised.
                      if (!connection.isClosed()) {
                        connection.setAutoCommit(false);
                      }
                    }
                  }));
    } catch (RuntimeException e) {
      throw translate(e);
    }
  }

  /** Runs {@code work} in one short transaction. */
  void run(Consumer<EntityManager> work) {
    call(
        em -> {
          work.accept(em);
          return null;
        });
  }

  /** As {@link #run}, on the reserved connections (see {@link #callReserved}). */
  void runReserved(Consumer<EntityManager> work) {
    callReserved(
        em -> {
          work.accept(em);
          return null;
        });
  }

  /** True when {@code e} (or a cause) is a unique-constraint violation (SQLState 23505). */
  static boolean isUniqueViolation(Throwable e) {
    return hasSqlState(e, "23505");
  }

  /** True when {@code e} (or a cause) is a missing foreign-key parent (PostgreSQL, H2). */
  static boolean isForeignKeyViolation(Throwable e) {
    return hasSqlState(e, "23503") || hasSqlState(e, "23506");
  }

  /**
   * {@code failure}, or {@link NotFoundException} for the app when it is the foreign key on {@code
   * app_id} refusing an unknown app: a write that names its app does not read it first.
   */
  static RuntimeException missingAppOr(RuntimeException failure) {
    return isForeignKeyViolation(failure) ? new NotFoundException("app") : failure;
  }

  private static boolean hasSqlState(Throwable e, String state) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && state.equals(sql.getSQLState())) {
        return true;
      }
    }
    return false;
  }

  /** A transient failure as storage unavailable; any other SQL failure with its SQLState. */
  private static RuntimeException translate(RuntimeException e) {
    if (e instanceof StorageUnavailableException unavailable) {
      return unavailable;
    }
    return TransientFailures.reason(e)
        .<RuntimeException>map(
            reason -> new StorageUnavailableException(reason, e, TransientFailures.noConnection(e)))
        .orElseGet(() -> SqlFailure.describing(e));
  }

  static <T> T requireDetached(T value, int depth) {
    if (value == null || depth > MAX_DEPTH) {
      return value;
    }
    if (value instanceof HibernateProxy
        || value instanceof PersistentCollection<?>
        || value instanceof EntityManager
        || value instanceof SharedSessionContract
        || ENTITY.get(value.getClass())) {
      throw new IllegalStateException(
          "a session must not return managed state (rule R1), got " + value.getClass().getName());
    }
    switch (value) {
      case Collection<?> items -> items.forEach(item -> requireDetached(item, depth + 1));
      case Map<?, ?> map -> {
        map.keySet().forEach(key -> requireDetached(key, depth + 1));
        map.values().forEach(item -> requireDetached(item, depth + 1));
      }
      case Optional<?> optional -> optional.ifPresent(item -> requireDetached(item, depth + 1));
      case Object[] items when DETACHED_BY_TYPE.get(items.getClass()) -> {}
      case Object[] items -> {
        for (Object item : items) {
          requireDetached(item, depth + 1);
        }
      }
      case Record record when DETACHED_BY_TYPE.get(record.getClass()) -> {}
      case Record record -> {
        for (Method accessor : ACCESSORS.get(record.getClass())) {
          try {
            requireDetached(accessor.invoke(record), depth + 1);
          } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot inspect " + accessor, e);
          }
        }
      }
      default -> {}
    }
    return value;
  }

  /** True when no value of the declared {@code type} can be, or hold, managed state. */
  private static boolean detachedByType(Class<?> type, Set<Class<?>> visiting) {
    if (type.isPrimitive() || type.isEnum()) {
      return true;
    }
    if (type.isArray()) {
      return detachedByType(type.getComponentType(), visiting); // elements are of that type
    }
    if (type.isRecord()) {
      if (!visiting.add(type)) {
        return false; // a record that contains itself: walk it, as before
      }
      for (RecordComponent component : type.getRecordComponents()) {
        if (!detachedByType(component.getType(), visiting)) {
          return false;
        }
      }
      visiting.remove(type);
      return true;
    }
    return Modifier.isFinal(type.getModifiers())
        && !type.isInterface()
        && !ENTITY.get(type)
        && !HibernateProxy.class.isAssignableFrom(type)
        && !PersistentCollection.class.isAssignableFrom(type)
        && !EntityManager.class.isAssignableFrom(type)
        && !SharedSessionContract.class.isAssignableFrom(type);
  }
}
