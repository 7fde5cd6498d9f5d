package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.testing.H2TestDatabase;
import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.MessageOutcome;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.NewTurn;
import dev.shortlease.domain.StartedTurn;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Two instances (two persistence contexts on one database): a lease that runs out makes the other
 * instance end that one's running messages; a live lease, or the instance's own messages, never.
 */
@DisplayName("Instance leases and the recovery of a dead instance's messages")
class InstanceLeaseTest {

  abstract static class Contract {
    private PersistenceContext a;
    private PersistenceContext b;

    abstract PersistenceSettings database();

    @BeforeEach
    void startTwo() {
      PersistenceSettings settings = database();
      a = PersistenceContext.start(settings, new SimpleMeterRegistry());
      b = PersistenceContext.start(settings, new SimpleMeterRegistry());
    }

    @AfterEach
    void close() {
      if (a != null) { // null when the database was skipped
        a.close();
      }
      if (b != null) {
        b.close();
      }
    }

    private StartedTurn runOn(PersistenceContext instance) {
      AppId app =
          instance
              .apps()
              .createApp(
                  new NewApp(
                      "lease " + UUID.randomUUID(), "", AppMode.CHAT, null, null, null, null));
      return instance.startTurn().startTurn(new NewTurn(app, "u", null, "q", Map.of()));
    }

    private MessageStatus status(StartedTurn turn) {
      return a.messages().findMessage(turn.owner(), turn.messageId()).orElseThrow().status();
    }

    @Test
    @DisplayName("a live lease protects; an expired one lets another instance end the messages")
    void expiredLease() throws Exception {
      a.instanceLease().renew(Duration.ofHours(1));
      b.instanceLease().renew(Duration.ofHours(1));
      StartedTurn onA = runOn(a);
      StartedTurn onB = runOn(b);

      b.instanceLease().failRunsOfDeadInstances("abandoned: test");
      assertThat(status(onA)).isEqualTo(MessageStatus.RUNNING);

      a.instanceLease().renew(Duration.ofMillis(1));
      Thread.sleep(50);
      int ended = b.instanceLease().failRunsOfDeadInstances("abandoned: test");

      assertThat(ended).isGreaterThanOrEqualTo(1);
      assertThat(status(onA)).isEqualTo(MessageStatus.ERROR);
      assertThat(a.messages().findMessage(onA.owner(), onA.messageId()).orElseThrow().error())
          .isEqualTo("abandoned: test");
      assertThat(status(onB)).isEqualTo(MessageStatus.RUNNING);
    }

    @Test
    @DisplayName(
        "the age rule spares messages of instances with a live lease, however old they look, and"
            + " ends them once the lease ran out")
    void ageSweepSparesLiveLeases() throws Exception {
      a.instanceLease().renew(Duration.ofHours(1));
      b.instanceLease().renew(Duration.ofHours(1));
      StartedTurn onA = runOn(a);
      StartedTurn onB = runOn(b);
      // Both look a day old to the database: far past the age rule (a run that is just long).
      DatabaseTime.setAgo(a, "message", "created_at", onA.messageId().value(), Duration.ofDays(1));
      DatabaseTime.setAgo(a, "message", "created_at", onB.messageId().value(), Duration.ofDays(1));
      Duration tooOld = Duration.ofMinutes(10);

      b.finishMessage().failAbandoned(tooOld, "abandoned: too old");
      assertThat(status(onA)).as("A's lease is live").isEqualTo(MessageStatus.RUNNING);
      assertThat(status(onB)).as("B's own, live lease").isEqualTo(MessageStatus.RUNNING);

      a.instanceLease().renew(Duration.ofMillis(1));
      Thread.sleep(50);
      b.finishMessage().failAbandoned(tooOld, "abandoned: too old");

      assertThat(status(onA)).isEqualTo(MessageStatus.ERROR);
      assertThat(status(onB)).isEqualTo(MessageStatus.RUNNING);
    }

    @Test
    @DisplayName("an instance never ends its own messages, even with its lease expired")
    void ownMessagesStay() throws Exception {
      a.instanceLease().renew(Duration.ofMillis(1));
      StartedTurn onA = runOn(a);
      Thread.sleep(50);

      a.instanceLease().failRunsOfDeadInstances("abandoned: test");

      assertThat(status(onA)).isEqualTo(MessageStatus.RUNNING);
    }

    @Test
    @DisplayName(
        "an instance ends its own running messages past the age that have no run here (a start"
            + " whose reply was lost), sparing its runs, young messages and other instances'")
    void ownMessagesWithoutARun() {
      a.instanceLease().renew(Duration.ofHours(1));
      b.instanceLease().renew(Duration.ofHours(1));
      StartedTurn orphan = runOn(a);
      StartedTurn run = runOn(a);
      StartedTurn young = runOn(a);
      StartedTurn onB = runOn(b);
      for (StartedTurn old : List.of(orphan, run, onB)) {
        DatabaseTime.setAgo(
            a, "message", "created_at", old.messageId().value(), Duration.ofMinutes(2));
      }

      int ended =
          a.instanceLease()
              .failOwnRunsWithout(
                  Set.of(run.messageId()), Duration.ofMinutes(1), "abandoned: no run");

      assertThat(ended).isEqualTo(1);
      assertThat(a.messages().findMessage(orphan.owner(), orphan.messageId()).orElseThrow())
          .satisfies(
              m -> {
                assertThat(m.status()).isEqualTo(MessageStatus.ERROR);
                assertThat(m.error()).isEqualTo("abandoned: no run");
              });
      assertThat(status(run)).isEqualTo(MessageStatus.RUNNING);
      assertThat(status(young)).isEqualTo(MessageStatus.RUNNING);
      assertThat(status(onB)).isEqualTo(MessageStatus.RUNNING);
    }

    @Test
    @DisplayName("a released lease (clean shutdown) is recoverable at once, and a late save wins")
    void releasedLease() {
      a.instanceLease().renew(Duration.ofHours(1));
      StartedTurn onA = runOn(a);
      a.instanceLease().release();

      b.instanceLease().failRunsOfDeadInstances(MessageOutcome.ABANDONED_PREFIX + "released");
      assertThat(status(onA)).isEqualTo(MessageStatus.ERROR);

      boolean saved =
          a.finishMessage()
              .finishMessage(
                  onA.owner(), onA.messageId(), MessageOutcome.completed("late", null, null));
      assertThat(saved).isTrue();
      assertThat(status(onA)).isEqualTo(MessageStatus.NORMAL);
    }
  }

  @Nested
  @DisplayName("on H2")
  class OnH2 extends Contract {
    private final PersistenceSettings database = H2TestDatabase.newDatabase();

    @Override
    PersistenceSettings database() {
      return database;
    }
  }

  @Nested
  @PostgresTest
  @DisplayName("on PostgreSQL")
  class OnPostgres extends Contract {
    @Override
    PersistenceSettings database() {
      return PostgresTestDatabase.settings();
    }
  }
}
