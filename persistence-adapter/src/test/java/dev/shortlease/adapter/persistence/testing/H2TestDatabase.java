package dev.shortlease.adapter.persistence.testing;

import dev.shortlease.adapter.persistence.PersistenceSettings;
import java.util.UUID;

/**
 * Test support: settings for a fresh, uniquely named in-memory H2 database in PostgreSQL mode. It
 * lives until the JVM exits, so one test JVM can share it across test classes.
 */
public final class H2TestDatabase {
  private H2TestDatabase() {}

  /** A new database on every call. */
  public static PersistenceSettings newDatabase() {
    String url =
        "jdbc:h2:mem:shortlease-"
            + UUID.randomUUID()
            + PersistenceSettings.H2_POSTGRESQL_MODE
            + ";DB_CLOSE_DELAY=-1";
    return PersistenceSettings.of(url, "sa", "");
  }
}
