package ${package}.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ${package}.adapter.persistence.PersistenceContext;
import ${package}.application.port.in.AnswerQuestionUseCase;
import ${package}.application.port.in.AskQuestionUseCase;
import ${package}.application.port.out.AnswerPort;
import ${package}.application.port.out.QuestionStore;
import ${package}.domain.Question;
import com.google.inject.Module;
import dev.shortlease.guardrails.guard.ConnectionHeldDuringLongCallException;
import dev.shortlease.guardrails.guard.ConnectionTracker;
import dev.shortlease.guardrails.guard.LeakCheck;
import dev.shortlease.guardrails.guard.LongCallGuard;
import dev.shortlease.guardrails.guard.LongHoldSweep;
import dev.shortlease.guardrails.guice.Guardrails;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.hibernate.cfg.AvailableSettings;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.Test;

/**
 * The guardrails as the real injector wires them: the long-call port is guarded, the use cases are
 * leak-checked, and the start-up check holds. Each test would pass without the wiring only if its
 * assertion were wrong, so dropping the wiring in {@link Server} fails them.
 */
class GuardWiringTest {

  @Test
  void startUpVerifiesTheWiring() {
    try (Server server = Server.start(TestSettings.fresh())) {
      Guardrails.verify(server.injector());
      assertThat(LongCallGuard.isGuarded(server.injector().getInstance(AnswerPort.class)))
          .isTrue();
      assertThat(LeakCheck.isChecked(server.injector().getInstance(AnswerQuestionUseCase.class)))
          .isTrue();
      assertThat(LeakCheck.isChecked(server.injector().getInstance(AskQuestionUseCase.class)))
          .isTrue();
    }
  }

  @Test
  void longHoldsAreTheTrackersSweepsNotHikaris() {
    try (Server server = Server.start(TestSettings.fresh())) {
      PersistenceContext database = server.injector().getInstance(PersistenceContext.class);
      assertThat(database.hikariLeakDetectionThresholdMillis())
          .as("read from the pool the settings built: no stack per checkout")
          .isZero();
      LongHoldSweep sweep = server.longHoldSweep().orElseThrow();
      assertThat(sweep.threshold()).isEqualTo(Duration.ofSeconds(10));
      assertThat(sweep.isRunning()).isTrue();
    }
    try (Server off = Server.start(TestSettings.fresh(Map.of("DB_LEAK_THRESHOLD_MS", "0")))) {
      assertThat(off.longHoldSweep()).isEmpty();
    }
  }

  @Test
  void theRunningSweepReportsAConnectionHeldPastTheThreshold() throws Exception {
    try (Server server = Server.start(TestSettings.fresh(Map.of("DB_LEAK_THRESHOLD_MS", "2000")))) {
      ConnectionTracker tracker = server.injector().getInstance(ConnectionTracker.class);
      LongHoldSweep sweep = server.longHoldSweep().orElseThrow();
      try (Connection held = tracker.wrap(h2()).getConnection()) {
        // Reported between one and one and a half thresholds after the checkout.
        Thread.sleep(3_500);
        assertThat(tracker.heldLongerThan(sweep.threshold())).hasSize(1);
        assertThat(sweep.sweep()).as("the running sweep reported it already").isEmpty();
      }
    }
  }

  @Test
  void theLongCallPortRefusesACallerHoldingAConnection() throws Exception {
    try (Server server = Server.start(TestSettings.fresh())) {
      AnswerPort answers = server.injector().getInstance(AnswerPort.class);
      ConnectionTracker tracker = server.injector().getInstance(ConnectionTracker.class);
      DataSource tracked = tracker.wrap(h2());

      assertThat(answers.answer("free?")).isNotBlank();
      try (var work = tracker.beginUnitOfWork();
          Connection held = tracked.getConnection()) {
        assertThatThrownBy(() -> answers.answer("held?"))
            .isInstanceOf(ConnectionHeldDuringLongCallException.class);
      }
    }
  }

  /**
   * The acquiring stack of a guard failure names the class of ours that opened the transaction,
   * below Hibernate's frames (docs: "Reading a failure", {@code <- the culprit}). The tracker shows
   * only the first frames of a stack unless it knows the application's packages, and Hibernate's
   * frames between the connection and our code are more than that: with {@code
   * ConnectionTracker.create()} in {@link Server} this test fails.
   */
  @Test
  void aGuardFailureNamesOurClassThatTookTheConnection() {
    try (Server server = Server.start(TestSettings.fresh())) {
      AnswerPort answers = server.injector().getInstance(AnswerPort.class);
      ConnectionTracker tracker = server.injector().getInstance(ConnectionTracker.class);
      try (EntityManagerFactory hibernate = hibernate(tracker.wrap(h2()))) {
        assertThatThrownBy(() -> Culprit.answerInsideATransaction(hibernate, answers))
            .isInstanceOf(ConnectionHeldDuringLongCallException.class)
            .satisfies(
                failure -> {
                  String message = failure.getMessage();
                  String acquiredAt =
                      message.substring(message.indexOf("acquired at:") + "acquired at:".length());
                  assertThat(acquiredAt)
                      .as("the acquiring stack in:%n%s", message)
                      .contains("org.hibernate.")
                      .contains(Culprit.class.getName() + ".");
                });
      }
    }
  }

  @Test
  void aUseCaseThatLeaksAConnectionIsCounted() {
    Module leakyStore = binder -> binder.bind(QuestionStore.class).to(LeakyStore.class);
    try (Server server = Server.start(TestSettings.fresh(), leakyStore)) {
      ConnectionTracker tracker = server.injector().getInstance(ConnectionTracker.class);
      long before = tracker.leaks();

      server.injector().getInstance(AskQuestionUseCase.class).ask("leak?");

      assertThat(tracker.leaks()).isEqualTo(before + 1);
    }
  }

  @Test
  void theExampleRunsThroughTheGuards() {
    try (Server server = Server.start(TestSettings.fresh())) {
      Question asked = server.injector().getInstance(AskQuestionUseCase.class).ask("Guarded?");

      Question answered =
          server.injector().getInstance(AnswerQuestionUseCase.class).answer(asked.id());

      assertThat(answered.answer()).isPresent();
    }
  }

  private static DataSource h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + UUID.randomUUID());
    return h2;
  }

  private static EntityManagerFactory hibernate(DataSource dataSource) {
    return new HibernatePersistenceConfiguration("culprit")
        .property(AvailableSettings.JAKARTA_NON_JTA_DATASOURCE, dataSource)
        .createEntityManagerFactory();
  }

  /** The mistake the guard exists for: the long call inside the transaction that read for it. */
  static final class Culprit {
    static void answerInsideATransaction(EntityManagerFactory hibernate, AnswerPort answers) {
      hibernate.runInTransaction(
          em -> {
            Object question = em.createNativeQuery("select 'Why?'").getSingleResult();
            answers.answer(String.valueOf(question));
          });
    }
  }

  /** A store whose {@code add} forgets to close the connection it opened. */
  static final class LeakyStore implements QuestionStore {
    private final DataSource tracked;

    @Inject
    LeakyStore(ConnectionTracker tracker) {
      this.tracked = tracker.wrap(h2());
    }

    @Override
    public Question add(String text) {
      try {
        tracked.getConnection(); // never closed: the leak
      } catch (java.sql.SQLException e) {
        throw new IllegalStateException(e);
      }
      return Question.unanswered(UUID.randomUUID(), text);
    }

    @Override
    public Optional<Question> find(UUID id) {
      return Optional.empty();
    }

    @Override
    public boolean saveAnswer(UUID id, String answer) {
      return false;
    }
  }
}
