package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.shortlease.adapter.persistence.testing.PgBouncerFixture;
import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.NewApp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Why {@code DATABASE_POOLER=pgbouncer} exists: the same service, told nothing, through PgBouncer
 * 1.18 in transaction mode. Out of the box PgBouncer refuses the startup {@code options} that carry
 * the timeouts; with {@code options} ignored, the timeouts are silently gone and pgjdbc's named
 * prepared statements ({@code S_1}, …) collide on shared server sessions. With the setting, the
 * same load runs clean with the timeouts in place.
 */
@PostgresTest
@DisplayName("Through PgBouncer's transaction mode the pooler setting is needed")
class PgBouncerNeedsPoolerSettingTest {
  private final List<AutoCloseable> started = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable c : started.reversed()) {
      c.close();
    }
  }

  private PgBouncerFixture bouncer(PgBouncerFixture.Builder builder) {
    PgBouncerFixture fixture = builder.start();
    started.add(fixture);
    return fixture;
  }

  private PersistenceContext context(PersistenceSettings settings) {
    PersistenceContext context =
        PersistenceContext.start(settings.withPoolSize(4), new SimpleMeterRegistry());
    started.add(context);
    return context;
  }

  @Test
  @DisplayName("without it the start fails: PgBouncer refuses the timeouts' startup options")
  void startupOptionsAreRefused() {
    PgBouncerFixture bouncer =
        bouncer(PgBouncerFixture.builder(PostgresTestDatabase.settings()).poolSize(1));

    assertThatThrownBy(() -> context(bouncer.settingsWithoutPoolerSetting()))
        .rootCause()
        .hasMessageContaining("unsupported startup parameter: options");
  }

  @Test
  @DisplayName(
      "without it, options ignored: pgjdbc's named prepared statements collide on shared sessions")
  void preparedStatementsCollide() {
    PgBouncerFixture bouncer =
        bouncer(
            PgBouncerFixture.builder(PostgresTestDatabase.settings())
                .poolSize(1)
                .queryWaitTimeoutSeconds(5)
                .ignoreStartupParameters("options"));

    // Hibernate's schema check at start already collides, else the lookups below do. Or the
    // session SET search_path (HikariCP's setSchema, autocommit off) leaves a transaction open on
    // the only server connection, and the next connection waits for it until query_wait_timeout.
    Throwable failure =
        catchThrowable(
            () -> {
              List<Throwable> failures = hammer(context(bouncer.settingsWithoutPoolerSetting()));
              if (!failures.isEmpty()) {
                throw failures.getFirst();
              }
            });

    assertThat(failure)
        .as("a failure of 4 threads × 50 lookups on 1 server connection")
        .isNotNull();
    assertThat(messages(failure))
        .containsPattern(
            "prepared statement \"S_\\d+\" (already exists|does not exist)|query_wait_timeout");
  }

  @Test
  @DisplayName("options ignored by PgBouncer means no timeouts: why they go into each transaction")
  void ignoredOptionsLoseTheTimeouts() throws Exception {
    PgBouncerFixture bouncer =
        bouncer(
            PgBouncerFixture.builder(PostgresTestDatabase.settings())
                .poolSize(1)
                .ignoreStartupParameters("options"));
    String url = bouncer.jdbcUrl() + "&prepareThreshold=0&options=-c%20statement_timeout%3D500";

    try (Connection connection = DriverManager.getConnection(url);
        Statement statement = connection.createStatement();
        ResultSet timeout = statement.executeQuery("show statement_timeout")) {
      timeout.next();
      assertThat(timeout.getString(1)).isEqualTo("0");
    }
  }

  @Test
  @DisplayName("with it, the same load runs clean and every transaction has its timeouts")
  void withTheSettingAllIsWell() throws Exception {
    PgBouncerFixture bouncer =
        bouncer(PgBouncerFixture.builder(PostgresTestDatabase.settings()).poolSize(1));
    PersistenceContext context = context(bouncer.settings());

    assertThat(hammer(context)).isEmpty();
    assertThat(statementTimeout(context)).isEqualTo("30s");
    Map<String, String> pool = bouncer.pool();
    assertThat(pool.get("pool_mode")).isEqualTo("transaction");
  }

  /** The statement timeout a transaction of {@code context} runs under. */
  private static String statementTimeout(PersistenceContext context) {
    return context
        .sessionScope()
        .call(em -> (String) em.createNativeQuery("show statement_timeout").getSingleResult());
  }

  /** 4 threads each look an app up 50 times (more than pgjdbc's prepareThreshold of 5). */
  private static List<Throwable> hammer(PersistenceContext context) throws InterruptedException {
    AppCatalogAdapter catalog = new AppCatalogAdapter(context.sessionScope());
    AppId app =
        catalog.createApp(new NewApp("pgbouncer", null, AppMode.CHAT, null, null, null, null));
    ConcurrentLinkedQueue<Throwable> failures = new ConcurrentLinkedQueue<>();
    CountDownLatch done = new CountDownLatch(4);
    for (int t = 0; t < 4; t++) {
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  for (int i = 0; i < 50; i++) {
                    catalog.findApp(app);
                  }
                } catch (RuntimeException e) {
                  failures.add(e);
                } finally {
                  done.countDown();
                }
              });
    }
    done.await();
    return List.copyOf(failures);
  }

  private static String messages(Throwable failure) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = failure; t != null; t = t.getCause()) {
      all.append(t.getMessage()).append('\n');
    }
    return all.toString();
  }
}
