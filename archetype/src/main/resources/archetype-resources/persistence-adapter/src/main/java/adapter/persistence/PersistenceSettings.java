package ${package}.adapter.persistence;

import java.util.Objects;

/**
 * Where the database is, and the pool's size and time limits (milliseconds).
 *
 * @param connectionTimeoutMillis how long a caller waits for a pooled connection; short on purpose
 *     (fail fast with a 503 rather than hang)
 * @param leakDetectionThresholdMillis the connection tracker's long-hold sweep logs a connection
 *     held longer than this, once, with its acquiring stack (0 = off)
 */
public record PersistenceSettings(
    String jdbcUrl,
    String user,
    String password,
    int poolSize,
    long connectionTimeoutMillis,
    long leakDetectionThresholdMillis) {

  /** Makes H2 accept the PostgreSQL migration and behave like PostgreSQL. */
  public static final String H2_POSTGRESQL_MODE =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  /**
   * Keeps H2 from closing the database in its own shutdown hook, beside the service's: the service
   * closes its pool last, and H2 closes the database with the last connection.
   */
  public static final String H2_CLOSED_BY_THE_SERVICE = ";DB_CLOSE_ON_EXIT=FALSE";

  public static final int DEFAULT_POOL_SIZE = 10;
  public static final long DEFAULT_CONNECTION_TIMEOUT_MILLIS = 3_000;
  public static final long DEFAULT_LEAK_DETECTION_THRESHOLD_MILLIS = 10_000;

  public static final int MAX_POOL_SIZE = 1_000;
  public static final long MIN_CONNECTION_TIMEOUT_MILLIS = 250;
  public static final long MIN_LEAK_DETECTION_THRESHOLD_MILLIS = 2_000;

  public PersistenceSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:")) {
      throw new IllegalArgumentException("jdbcUrl must start with jdbc:");
    }
    if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
      throw new IllegalArgumentException("poolSize must be within 1.." + MAX_POOL_SIZE);
    }
    if (connectionTimeoutMillis < MIN_CONNECTION_TIMEOUT_MILLIS) {
      throw new IllegalArgumentException(
          "connectionTimeoutMillis must be at least " + MIN_CONNECTION_TIMEOUT_MILLIS);
    }
    if (leakDetectionThresholdMillis != 0
        && leakDetectionThresholdMillis < MIN_LEAK_DETECTION_THRESHOLD_MILLIS) {
      throw new IllegalArgumentException(
          "leakDetectionThresholdMillis must be 0 or at least "
              + MIN_LEAK_DETECTION_THRESHOLD_MILLIS);
    }
  }

  /** Settings with the default pool size and time limits. */
  public static PersistenceSettings of(String jdbcUrl, String user, String password) {
    return new PersistenceSettings(
        jdbcUrl,
        user,
        password,
        DEFAULT_POOL_SIZE,
        DEFAULT_CONNECTION_TIMEOUT_MILLIS,
        DEFAULT_LEAK_DETECTION_THRESHOLD_MILLIS);
  }

  /** Never prints the password. */
  @Override
  public String toString() {
    return "PersistenceSettings[jdbcUrl=%s, user=%s, poolSize=%d]".formatted(jdbcUrl, user, poolSize);
  }
}
