package dev.shortlease.adapter.persistence;

import dev.shortlease.guardrails.guard.AcquiringStacks;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Settings of the persistence adapter: where the database is, and the pool's size and time limits
 * (milliseconds). {@code schema} is optional (null uses the connection's default schema).
 *
 * @param connectionTimeoutMillis how long a caller waits for a pooled connection before storage is
 *     reported unavailable; short on purpose (fail fast with a 503 rather than hang)
 * @param leakDetectionThresholdMillis a connection held longer than this is logged once, with its
 *     acquiring stack, by the connection tracker's long-hold sweep (0 = off; HikariCP's own leak
 *     detection stays off, see ADR 0037)
 * @param appCacheTtlMillis how long an app and a key's app ID are served from memory (T1) before
 *     they are read again; 0 = no cache, at most {@link #MAX_APP_CACHE_TTL_MILLIS} (see {@code
 *     CachingAppCatalog})
 * @param timeouts how long one statement may run and wait for a lock (see {@link
 *     StatementTimeouts})
 * @param unknownKeyCacheMillis how long a key that was not found is answered "unknown" from memory;
 *     0 = every lookup of it reads the database
 * @param reservedConnections connections that ordinary work (lookups, reads, chat starts) never
 *     takes: kept for the work of running chats (final saves, agent thoughts) and the instance
 *     lease (see {@code DatabaseWorkers}); less than the pool size
 * @param pooler what stands between the pool and PostgreSQL (PgBouncer in transaction mode or
 *     nothing), and where Flyway migrates
 * @param acquiringStacks when the connection tracker records where each connection was taken: on
 *     every checkout, or only after its first report (ADR 0057)
 */
public record PersistenceSettings(
    String jdbcUrl,
    String user,
    String password,
    int poolSize,
    long connectionTimeoutMillis,
    long leakDetectionThresholdMillis,
    long maxLifetimeMillis,
    String schema,
    long appCacheTtlMillis,
    StatementTimeouts timeouts,
    long unknownKeyCacheMillis,
    int reservedConnections,
    PoolerSettings pooler,
    AcquiringStacks acquiringStacks) {

  /**
   * Flags that make H2 accept the PostgreSQL migrations and behave like PostgreSQL: lower-case
   * unquoted names, and nulls sorted last in ascending order. Append to a {@code jdbc:h2:} URL.
   */
  public static final String H2_POSTGRESQL_MODE =
      ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";

  /**
   * Keeps H2 from closing the database in its own shutdown hook, which runs beside the service's: a
   * SIGTERM would close it under the drain and the final saves. The service closes its pool last,
   * and H2 closes the database with the last connection. Append to a {@code jdbc:h2:} URL.
   */
  public static final String H2_CLOSED_BY_THE_SERVICE = ";DB_CLOSE_ON_EXIT=FALSE";

  public static final int DEFAULT_POOL_SIZE = 10;
  public static final long DEFAULT_CONNECTION_TIMEOUT_MILLIS = 3_000;
  public static final long DEFAULT_LEAK_DETECTION_THRESHOLD_MILLIS = 10_000;
  public static final long DEFAULT_MAX_LIFETIME_MILLIS = 1_800_000;
  public static final long DEFAULT_APP_CACHE_TTL_MILLIS = 2_000;
  public static final long DEFAULT_UNKNOWN_KEY_CACHE_MILLIS = 2_000;

  /** One connection kept for running chats' saves, or none in a pool of one. */
  public static int defaultReservedConnections(int poolSize) {
    return poolSize > 1 ? 1 : 0;
  }

  /**
   * The longest app cache TTL: a key revoked or an app disabled through one instance must stop
   * working on every other within seconds, not minutes.
   */
  public static final long MAX_APP_CACHE_TTL_MILLIS = 10_000;

  public PersistenceSettings {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    if (!jdbcUrl.startsWith("jdbc:")) {
      throw new IllegalArgumentException("jdbcUrl must start with jdbc:");
    }
    if (poolSize < 1 || poolSize > 1_000) {
      throw new IllegalArgumentException("poolSize must be within 1..1000");
    }
    // HikariCP's own lower bounds, checked here so a bad setting fails with a clear message (the
    // leak threshold keeps the bound it had when HikariCP applied it).
    if (connectionTimeoutMillis < 250) {
      throw new IllegalArgumentException("connectionTimeoutMillis must be at least 250");
    }
    if (leakDetectionThresholdMillis != 0 && leakDetectionThresholdMillis < 2_000) {
      throw new IllegalArgumentException("leakDetectionThresholdMillis must be 0 or at least 2000");
    }
    if (maxLifetimeMillis != 0 && maxLifetimeMillis < 30_000) {
      throw new IllegalArgumentException("maxLifetimeMillis must be 0 or at least 30000");
    }
    if (schema != null && !schema.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
      throw new IllegalArgumentException("schema must be a plain SQL identifier");
    }
    if (appCacheTtlMillis < 0 || appCacheTtlMillis > MAX_APP_CACHE_TTL_MILLIS) {
      throw new IllegalArgumentException(
          "appCacheTtlMillis must be within 0 (off).." + MAX_APP_CACHE_TTL_MILLIS);
    }
    Objects.requireNonNull(timeouts, "timeouts");
    if (unknownKeyCacheMillis < 0) {
      throw new IllegalArgumentException("unknownKeyCacheMillis must be 0 (off) or more");
    }
    if (reservedConnections < 0 || reservedConnections >= poolSize) {
      throw new IllegalArgumentException(
          "reservedConnections must be within 0..poolSize - 1 (" + (poolSize - 1) + ")");
    }
    Objects.requireNonNull(acquiringStacks, "acquiringStacks");
    Objects.requireNonNull(pooler, "pooler");
    String poolerProblem = pooler.problemWith(jdbcUrl);
    if (poolerProblem != null) {
      throw new IllegalArgumentException(poolerProblem);
    }
  }

  /**
   * Settings straight to the database ({@link PoolerSettings#DIRECT}), every checkout recording its
   * stack.
   */
  public PersistenceSettings(
      String jdbcUrl,
      String user,
      String password,
      int poolSize,
      long connectionTimeoutMillis,
      long leakDetectionThresholdMillis,
      long maxLifetimeMillis,
      String schema,
      long appCacheTtlMillis,
      StatementTimeouts timeouts,
      long unknownKeyCacheMillis,
      int reservedConnections) {
    this(
        jdbcUrl,
        user,
        password,
        poolSize,
        connectionTimeoutMillis,
        leakDetectionThresholdMillis,
        maxLifetimeMillis,
        schema,
        appCacheTtlMillis,
        timeouts,
        unknownKeyCacheMillis,
        reservedConnections,
        PoolerSettings.DIRECT,
        AcquiringStacks.EVERY_CHECKOUT);
  }

  /** Settings with the default pool size, time limits and app cache TTL. */
  public static PersistenceSettings of(String jdbcUrl, String user, String password) {
    return new PersistenceSettings(
        jdbcUrl,
        user,
        password,
        DEFAULT_POOL_SIZE,
        DEFAULT_CONNECTION_TIMEOUT_MILLIS,
        DEFAULT_LEAK_DETECTION_THRESHOLD_MILLIS,
        DEFAULT_MAX_LIFETIME_MILLIS,
        null,
        DEFAULT_APP_CACHE_TTL_MILLIS,
        StatementTimeouts.DEFAULTS,
        DEFAULT_UNKNOWN_KEY_CACHE_MILLIS,
        defaultReservedConnections(DEFAULT_POOL_SIZE));
  }

  public PersistenceSettings withSchema(String newSchema) {
    return with(c -> c.schema = newSchema);
  }

  public PersistenceSettings withPoolSize(int newPoolSize) {
    return with(
        c -> {
          c.poolSize = newPoolSize;
          c.reservedConnections =
              Math.min(reservedConnections, defaultReservedConnections(newPoolSize));
        });
  }

  public PersistenceSettings withConnectionTimeoutMillis(long millis) {
    return with(c -> c.connectionTimeoutMillis = millis);
  }

  public PersistenceSettings withAppCacheTtlMillis(long millis) {
    return with(c -> c.appCacheTtlMillis = millis);
  }

  public PersistenceSettings withTimeouts(StatementTimeouts newTimeouts) {
    return with(c -> c.timeouts = newTimeouts);
  }

  public PersistenceSettings withUnknownKeyCacheMillis(long millis) {
    return with(c -> c.unknownKeyCacheMillis = millis);
  }

  /**
   * These settings through a pooler: {@code newJdbcUrl} is its address, {@code newPooler} says
   * which kind and where Flyway migrates.
   */
  public PersistenceSettings throughPooler(String newJdbcUrl, PoolerSettings newPooler) {
    return with(
        c -> {
          c.jdbcUrl = newJdbcUrl;
          c.pooler = newPooler;
        });
  }

  public PersistenceSettings withAcquiringStacks(AcquiringStacks newAcquiringStacks) {
    return with(c -> c.acquiringStacks = newAcquiringStacks);
  }

  /** A copy with {@code change} applied, checked by the canonical constructor like any other. */
  private PersistenceSettings with(Consumer<Copy> change) {
    Copy c = new Copy(this);
    change.accept(c);
    return new PersistenceSettings(
        c.jdbcUrl,
        user,
        password,
        c.poolSize,
        c.connectionTimeoutMillis,
        leakDetectionThresholdMillis,
        maxLifetimeMillis,
        c.schema,
        c.appCacheTtlMillis,
        c.timeouts,
        c.unknownKeyCacheMillis,
        c.reservedConnections,
        c.pooler,
        c.acquiringStacks);
  }

  /** The components a wither may change, starting as they are. */
  private static final class Copy {
    String jdbcUrl;
    int poolSize;
    long connectionTimeoutMillis;
    String schema;
    long appCacheTtlMillis;
    StatementTimeouts timeouts;
    long unknownKeyCacheMillis;
    int reservedConnections;
    PoolerSettings pooler;
    AcquiringStacks acquiringStacks;

    Copy(PersistenceSettings s) {
      jdbcUrl = s.jdbcUrl;
      poolSize = s.poolSize;
      connectionTimeoutMillis = s.connectionTimeoutMillis;
      schema = s.schema;
      appCacheTtlMillis = s.appCacheTtlMillis;
      timeouts = s.timeouts;
      unknownKeyCacheMillis = s.unknownKeyCacheMillis;
      reservedConnections = s.reservedConnections;
      pooler = s.pooler;
      acquiringStacks = s.acquiringStacks;
    }
  }

  private static final Pattern USER_INFO = Pattern.compile("//[^/?;@]*@");
  private static final Pattern SECRET_PARAMETER =
      Pattern.compile("(?i)([?&;][a-z_.-]*(?:pass|secret|token|key|cred)[a-z_.-]*=)[^&;]*");

  /**
   * {@code jdbcUrl} safe to print: user info ({@code //user:password@}) and the values of
   * parameters that may hold a secret ({@code password}, {@code sslpassword}, any {@code *key*},
   * {@code *token*}, {@code *secret*}) become {@code ****}; the rest stays for diagnosis.
   */
  public static String redacted(String jdbcUrl) {
    if (jdbcUrl == null) {
      return null;
    }
    String withoutUser = USER_INFO.matcher(jdbcUrl).replaceAll("//****@");
    return SECRET_PARAMETER.matcher(withoutUser).replaceAll("$1****");
  }

  /** {@link #jdbcUrl} without secrets, see {@link #redacted(String)}. */
  public String redactedJdbcUrl() {
    return redacted(jdbcUrl);
  }

  /** Never prints the password, nor any secret in the URL. */
  @Override
  public String toString() {
    return "PersistenceSettings[jdbcUrl=%s, user=%s, password=%s, poolSize=%d, connectionTimeoutMillis=%d, leakDetectionThresholdMillis=%d, maxLifetimeMillis=%d, schema=%s, appCacheTtlMillis=%d, timeouts=%s, unknownKeyCacheMillis=%d, reservedConnections=%d, pooler=%s, acquiringStacks=%s]"
        .formatted(
            redactedJdbcUrl(),
            user,
            password == null ? null : "****",
            poolSize,
            connectionTimeoutMillis,
            leakDetectionThresholdMillis,
            maxLifetimeMillis,
            schema,
            appCacheTtlMillis,
            timeouts,
            unknownKeyCacheMillis,
            reservedConnections,
            pooler,
            acquiringStacks);
  }
}
