package ${package}.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ${package}.application.port.out.QuestionStore;
import ${package}.domain.Question;
import ${package}.domain.StorageUnavailableException;
import dev.shortlease.guardrails.guard.ConnectionTracker;
import dev.shortlease.guardrails.testkit.PortChecks;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The persistence port's contract on H2 (PostgreSQL mode), with the guardrails test kit. */
class QuestionStoreAdapterTest {
  // As the service builds it: a failure's acquiring stack shows this module's frames.
  private static final ConnectionTracker TRACKER =
      ConnectionTracker.builder()
          .name("${rootArtifactId}-test")
          .applicationPackages("${package}.")
          .build();
  private static PersistenceContext database;
  private static QuestionStore store;

  @BeforeAll
  static void start() {
    String url =
        "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + PersistenceSettings.H2_POSTGRESQL_MODE;
    database =
        PersistenceContext.start(
            PersistenceSettings.of(url, "sa", ""), new SimpleMeterRegistry(), TRACKER::wrap);
    store = database.questions();
  }

  @AfterAll
  static void stop() {
    database.close();
  }

  @Test
  void storesReadsAndAnswersAQuestion() {
    Question asked = store.add("Why is the sky blue?");

    assertThat(store.find(asked.id())).contains(asked);
    assertThat(store.saveAnswer(asked.id(), "Rayleigh scattering.")).isTrue();
    assertThat(store.find(asked.id()).orElseThrow().answer()).contains("Rayleigh scattering.");
  }

  @Test
  void anUnknownQuestionIsAbsentAndCannotBeAnswered() {
    UUID unknown = UUID.randomUUID();

    assertThat(store.find(unknown)).isEmpty();
    assertThat(store.saveAnswer(unknown, "nobody asked")).isFalse();
  }

  @Test
  void everyPortCallReturnsItsConnection() {
    PortChecks.assertPoolIdleAfterEachCall(
        TRACKER,
        QuestionStore.class,
        store,
        port -> {
          Question asked = port.add("Idle?");
          port.find(asked.id());
          port.saveAnswer(asked.id(), "Yes.");
        });
  }

  @Test
  void thePortSpeaksPlainValues() {
    PortChecks.assertPlainValues(QuestionStore.class);
  }

  @Test
  void anEntityNeverLeavesATransaction() {
    List<Object> results =
        List.of(
            Optional.of(new QuestionEntity()),
            Map.of("question", new QuestionEntity()),
            new Object[] {"text", new QuestionEntity()});
    for (Object result : results) {
      assertThatThrownBy(() -> SessionScope.requireDetached(result, 0))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("QuestionEntity");
    }
  }

  /**
   * No connection within the pool's timeout is StorageUnavailableException (the web adapter's 503
   * with Retry-After), not whatever Hibernate wrapped HikariCP's timeout in (a 500).
   */
  @Test
  void aPoolTimeoutIsStorageUnavailable() throws Exception {
    String url =
        "jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1" + PersistenceSettings.H2_POSTGRESQL_MODE;
    PersistenceSettings poolOfOne =
        new PersistenceSettings(
            url, "sa", "", 1, PersistenceSettings.MIN_CONNECTION_TIMEOUT_MILLIS, 0);
    AtomicReference<DataSource> pool = new AtomicReference<>();
    try (PersistenceContext busy =
            PersistenceContext.start(
                poolOfOne,
                new SimpleMeterRegistry(),
                dataSource -> {
                  pool.set(dataSource);
                  return dataSource;
                });
        Connection theOnlyOne = pool.get().getConnection()) {
      assertThatThrownBy(() -> busy.questions().add("Busy?"))
          .isInstanceOf(StorageUnavailableException.class)
          .hasMessageContaining("no database connection within the pool's timeout")
          .hasStackTraceContaining("SQLTransientConnectionException");
      assertThatThrownBy(() -> busy.questions().find(UUID.randomUUID()))
          .isInstanceOf(StorageUnavailableException.class);
    }
  }

  @Test
  void theDatabaseIsReady() {
    assertThat(database.databaseReady()).isTrue();
  }
}
