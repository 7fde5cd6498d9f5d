package dev.shortlease.adapter.persistence;

import dev.shortlease.adapter.persistence.testing.H2TestDatabase;
import dev.shortlease.adapter.persistence.testing.PgBouncerFixture;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import dev.shortlease.domain.port.contract.PortSet;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** One started persistence context per database kind for the whole test JVM. */
final class SharedContexts {
  private static PersistenceContext postgres;
  private static PersistenceContext h2;
  private static PersistenceContext pgbouncer;
  private static PgBouncerFixture bouncer;

  private SharedContexts() {}

  static synchronized PersistenceContext postgres() {
    if (postgres == null) {
      postgres =
          PersistenceContext.start(PostgresTestDatabase.settings(), new SimpleMeterRegistry());
    }
    return postgres;
  }

  /**
   * The service's context through PgBouncer in transaction mode ({@code DATABASE_POOLER=pgbouncer})
   * with fewer server connections (3) than the pool has clients (10), so transactions of different
   * pool connections do share server sessions; PgBouncer stops when the JVM exits.
   */
  static synchronized PersistenceContext pgbouncer() {
    if (pgbouncer == null) {
      bouncer = PgBouncerFixture.builder(PostgresTestDatabase.settings()).poolSize(3).start();
      pgbouncer = PersistenceContext.start(bouncer.settings(), new SimpleMeterRegistry());
    }
    return pgbouncer;
  }

  static synchronized PgBouncerFixture bouncer() {
    pgbouncer();
    return bouncer;
  }

  static synchronized PersistenceContext h2() {
    if (h2 == null) {
      h2 = PersistenceContext.start(H2TestDatabase.newDatabase(), new SimpleMeterRegistry());
    }
    return h2;
  }

  /** The ports as the service wires them: apps and keys behind the app cache (default TTL). */
  static PortSet ports(PersistenceContext c) {
    return new PortSet(
        c.apps(),
        c.apiKeys(),
        c.appSetup(),
        new FilesAdapter(c.sessionScope()),
        c.endUsers(),
        c.startTurn(),
        c.chatHistory(),
        c.finishMessage(),
        c.agentThoughts(),
        c.conversations(),
        c.messages(),
        c.annotations(),
        c.annotationIndex(),
        c.annotationJobs());
  }

  /** As {@link #ports}, with apps and keys straight from the adapter, no cache in front. */
  static PortSet uncachedPorts(PersistenceContext c) {
    AppCatalogAdapter catalog = new AppCatalogAdapter(c.sessionScope());
    PortSet cached = ports(c);
    return new PortSet(
        catalog,
        catalog,
        catalog,
        cached.media(),
        cached.endUsers(),
        cached.startTurn(),
        cached.history(),
        cached.finish(),
        cached.thoughts(),
        cached.conversations(),
        cached.messages(),
        cached.annotations(),
        cached.annotationIndex(),
        cached.annotationJobs());
  }
}
