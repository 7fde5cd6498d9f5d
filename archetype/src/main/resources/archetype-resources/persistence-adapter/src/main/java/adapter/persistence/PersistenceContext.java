package ${package}.adapter.persistence;

import ${package}.application.port.out.DatabaseHealthPort;
import ${package}.application.port.out.QuestionStore;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.micrometer.MicrometerMetricsTrackerFactory;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Objects;
import java.util.function.UnaryOperator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * The persistence adapter's lifecycle: builds HikariCP (its metrics go to the registry), lets the
 * composition wrap it (the connection guard does), migrates with Flyway, starts Hibernate in code
 * and exposes the ports. {@link #close()} shuts Hibernate and the pool down.
 */
public final class PersistenceContext implements AutoCloseable, DatabaseHealthPort {
  /**
   * What PostgreSQL's {@code pg_stat_activity} shows as the pool's {@code application_name}, so an
   * operator can count the service's backends; an {@code ApplicationName} in the URL wins.
   */
  static final String APPLICATION_NAME = "${rootArtifactId}";

  private static final int READY_TIMEOUT_SECONDS = 2;

  private final HikariDataSource pool;
  private final DataSource dataSource;
  private final EntityManagerFactory factory;
  private final QuestionStore questions;

  private PersistenceContext(
      PersistenceSettings settings, MeterRegistry registry, UnaryOperator<DataSource> decorator) {
    pool = new HikariDataSource(hikariConfig(settings, registry));
    try {
      dataSource = decorator.apply(pool);
      migrate(settings);
      factory = hibernate(dataSource);
    } catch (RuntimeException e) {
      pool.close();
      throw e;
    }
    questions = new QuestionStoreAdapter(new SessionScope(factory));
  }

  /**
   * Connects, migrates the schema and starts Hibernate; fails fast if the database is down. {@code
   * decorator} wraps the pool before anything uses it (the composition passes the connection
   * tracker's {@code wrap}).
   */
  public static PersistenceContext start(
      PersistenceSettings settings, MeterRegistry registry, UnaryOperator<DataSource> decorator) {
    return new PersistenceContext(
        Objects.requireNonNull(settings, "settings"),
        Objects.requireNonNull(registry, "registry"),
        Objects.requireNonNull(decorator, "decorator"));
  }

  private static HikariConfig hikariConfig(PersistenceSettings s, MeterRegistry registry) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("db");
    config.setJdbcUrl(s.jdbcUrl());
    config.setUsername(s.user());
    config.setPassword(s.password());
    config.setMaximumPoolSize(s.poolSize());
    config.setConnectionTimeout(s.connectionTimeoutMillis());
    config.setValidationTimeout(Math.min(1_000, s.connectionTimeoutMillis()));
    // Off: the composition root's LongHoldSweep logs long holds from the connection tracker's own
    // records; HikariCP's would capture a second stack and schedule a task on every checkout.
    config.setLeakDetectionThreshold(0);
    config.setAutoCommit(false); // Hibernate is told so, and skips a setAutoCommit round trip
    if (s.jdbcUrl().startsWith("jdbc:postgresql:")) {
      // A driver property: pgjdbc lets the URL's own parameters override it.
      config.addDataSourceProperty("ApplicationName", APPLICATION_NAME);
    }
    config.setMetricsTrackerFactory(new MicrometerMetricsTrackerFactory(registry));
    return config;
  }

  /** Migrates over its own connections: Flyway needs two at once, which a pool of one lacks. */
  private static void migrate(PersistenceSettings s) {
    Flyway.configure()
        .dataSource(s.jdbcUrl(), s.user(), s.password())
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  private static EntityManagerFactory hibernate(DataSource dataSource) {
    return new HibernatePersistenceConfiguration("service")
        .managedClasses(QuestionEntity.class)
        .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
        .property(
            AvailableSettings.CONNECTION_HANDLING,
            "DELAYED_ACQUISITION_AND_RELEASE_AFTER_TRANSACTION")
        .property(AvailableSettings.CONNECTION_PROVIDER_DISABLES_AUTOCOMMIT, true)
        // Flyway owns the schema; Hibernate only checks that the entities match it.
        .property(AvailableSettings.HBM2DDL_AUTO, "validate")
        .createEntityManagerFactory();
  }

  public QuestionStore questions() {
    return questions;
  }

  /** HikariCP's own leak-detection threshold, as the pool was built: 0 (off). */
  public long hikariLeakDetectionThresholdMillis() {
    return pool.getLeakDetectionThreshold();
  }

  @Override
  public boolean databaseReady() {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      statement.setQueryTimeout(READY_TIMEOUT_SECONDS);
      statement.execute("select 1");
      connection.rollback(); // autoCommit is off; end the transaction before returning it
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  @Override
  public void close() {
    try {
      factory.close();
    } finally {
      pool.close();
    }
  }
}
