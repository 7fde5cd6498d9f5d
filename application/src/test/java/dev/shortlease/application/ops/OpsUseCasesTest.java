package dev.shortlease.application.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.application.ChatSettings;
import dev.shortlease.application.ReliabilitySettings;
import dev.shortlease.application.chat.RunRegistry;
import dev.shortlease.application.port.in.ChatRun;
import dev.shortlease.application.port.out.PoolMonitorPort;
import dev.shortlease.application.port.out.PoolSnapshot;
import dev.shortlease.application.testing.ChatTestKit;
import dev.shortlease.application.testing.ScriptedChatModel;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.MessageOutcome;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.NewTurn;
import dev.shortlease.domain.StartedTurn;
import dev.shortlease.domain.port.InstanceLeasePort;
import dev.shortlease.domain.port.inmemory.InMemoryStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Operations use cases: recovery at start-up and pool inspection")
class OpsUseCasesTest {

  /** A clock the test moves by hand. */
  static final class MovableClock extends Clock {
    final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  }

  /** Records renewals; reports {@code deadRuns} messages of dead instances ended. */
  static final class RecordingLease implements InstanceLeasePort {
    final List<Duration> renewals = new ArrayList<>();
    final int deadRuns;
    String error;
    OwnRunsQuestion ownRunsAsked;

    RecordingLease(int deadRuns) {
      this.deadRuns = deadRuns;
    }

    @Override
    public void renew(Duration lease) {
      renewals.add(lease);
    }

    @Override
    public int failRunsOfDeadInstances(String error) {
      if (renewals.isEmpty()) {
        throw new AssertionError("looked for dead instances before renewing its own lease");
      }
      this.error = error;
      return deadRuns;
    }

    @Override
    public int failOwnRunsWithout(Set<MessageId> running, Duration olderThan, String error) {
      ownRunsAsked = new OwnRunsQuestion(running, olderThan, error);
      return 0;
    }

    @Override
    public void release() {}
  }

  record OwnRunsQuestion(Set<MessageId> running, Duration olderThan, String error) {}

  @Test
  @DisplayName(
      "recovery asks the lease to end this instance's running messages a minute old that have no"
          + " run here, sparing the ones it runs")
  void recoveryEndsOwnMessagesWithoutARun() throws Exception {
    ChatTestKit kit = new ChatTestKit();
    kit.model.then(ScriptedChatModel.hang("a"));
    ChatRun running = kit.chat(kit.app(AppMode.CHAT), "alice", "q", null);
    RecordingLease lease = new RecordingLease(0);

    new RecoverAbandonedMessagesService(
            kit.store, lease, ChatSettings.defaults(), kit.reliability, kit.registry)
        .recover();

    assertThat(lease.ownRunsAsked)
        .isEqualTo(
            new OwnRunsQuestion(
                Set.of(running.messageId()),
                RecoverAbandonedMessagesService.ORPHAN_AGE,
                RecoverAbandonedMessagesService.NO_RUN));
    assertThat(lease.ownRunsAsked.error()).startsWith(MessageOutcome.ABANDONED_PREFIX);
    kit.registry.stopAll();
    kit.awaitIdle();
  }

  @Test
  @DisplayName("recovery ends only messages older than the time limit, as error with their text")
  void recoveryEndsOnlyAbandonedMessages() {
    MovableClock clock = new MovableClock();
    clock.now.set(Instant.now().minus(Duration.ofHours(1)));
    InMemoryStore store = new InMemoryStore(clock);
    AppId app = store.createApp(new NewApp("a", null, AppMode.CHAT, null, null, null, null));
    StartedTurn abandoned = store.startTurn(new NewTurn(app, "alice", null, "old", null));
    clock.now.set(Instant.now());
    StartedTurn live = store.startTurn(new NewTurn(app, "alice", null, "new", null));

    RecordingLease lease = new RecordingLease(2);
    ReliabilitySettings reliability = ReliabilitySettings.forPool(10);
    int ended =
        new RecoverAbandonedMessagesService(
                store, lease, ChatSettings.defaults(), reliability, new RunRegistry())
            .recover();

    assertThat(ended).isEqualTo(1 + 2);
    assertThat(lease.renewals).containsExactly(reliability.instanceLease());
    assertThat(lease.error).startsWith(MessageOutcome.ABANDONED_PREFIX);
    assertThat(store.findMessage(abandoned.owner(), abandoned.messageId()).orElseThrow())
        .satisfies(
            m -> {
              assertThat(m.status()).isEqualTo(MessageStatus.ERROR);
              assertThat(m.error()).isEqualTo(RecoverAbandonedMessagesService.TOO_OLD);
            });
    assertThat(store.findMessage(live.owner(), live.messageId()).orElseThrow().status())
        .isEqualTo(MessageStatus.RUNNING);
  }

  @Test
  @DisplayName(
      "the age rule is on the store's clock: with this instance's clock a day ahead or behind, a"
          + " message ends only once older there than limit + save window + margin")
  void ageIsJudgedOnTheStoresClock() {
    ChatSettings chat = ChatSettings.defaults();
    ReliabilitySettings reliability = ReliabilitySettings.forPool(10);
    Duration tooOld =
        chat.executionTimeLimit()
            .plus(reliability.finalSaveRetry())
            .plus(RecoverAbandonedMessagesService.MARGIN);
    for (Duration skew : List.of(Duration.ofDays(1), Duration.ofDays(-1))) {
      MovableClock storeClock = new MovableClock();
      Instant started = Instant.now().plus(skew);
      storeClock.now.set(started);
      InMemoryStore store = new InMemoryStore(storeClock);
      AppId app = store.createApp(new NewApp("a", null, AppMode.CHAT, null, null, null, null));
      StartedTurn turn = store.startTurn(new NewTurn(app, "alice", null, "q", null));
      RecoverAbandonedMessagesService recovery =
          new RecoverAbandonedMessagesService(
              store, new RecordingLease(0), chat, reliability, new RunRegistry());

      storeClock.now.set(started.plus(tooOld).minusSeconds(1));
      assertThat(recovery.recover()).as("skew %s: not old yet", skew).isZero();
      assertThat(store.findMessage(turn.owner(), turn.messageId()).orElseThrow().status())
          .isEqualTo(MessageStatus.RUNNING);

      storeClock.now.set(started.plus(tooOld).plusSeconds(1));
      assertThat(recovery.recover()).as("skew %s: old now", skew).isEqualTo(1);
      assertThat(store.findMessage(turn.owner(), turn.messageId()).orElseThrow().status())
          .isEqualTo(MessageStatus.ERROR);
    }
  }

  @Test
  @DisplayName("pool inspection answers what the pool monitor reports; readiness from the probe")
  void inspectsPool() {
    PoolSnapshot snapshot =
        new PoolSnapshot(
            10,
            2,
            8,
            10,
            0,
            PoolSnapshot.Percentiles.NONE,
            PoolSnapshot.Percentiles.NONE,
            60,
            0,
            0,
            0,
            false);
    java.util.concurrent.atomic.AtomicInteger probes =
        new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicBoolean answers =
        new java.util.concurrent.atomic.AtomicBoolean(true);
    InspectPoolService service =
        new InspectPoolService(
            new PoolMonitorPort() {
              @Override
              public PoolSnapshot snapshot() {
                return snapshot;
              }

              @Override
              public boolean databaseReady() {
                probes.incrementAndGet();
                return answers.get();
              }
            },
            dev.shortlease.application.LimitSettings.DEFAULTS);

    assertThat(service.snapshot()).isSameAs(snapshot);
    assertThat(service.databaseReady()).as("no probe yet").isFalse();
    service.probeDatabase();
    for (int i = 0; i < 100; i++) {
      assertThat(service.databaseReady()).isTrue();
    }
    assertThat(probes).as("readiness reads the cached probe").hasValue(1);
    answers.set(false);
    service.probeDatabase();
    assertThat(service.databaseReady()).isFalse();
  }

  @Test
  @DisplayName(
      "a percentile read above the max (another bucket, another rotation) shows as the max")
  void percentilesNeverExceedTheMax() {
    PoolSnapshot.Percentiles p = new PoolSnapshot.Percentiles(0.8, 1.3, 2.5, 1.2);
    assertThat(p.p50()).isEqualTo(0.8);
    assertThat(p.p95()).isEqualTo(1.2);
    assertThat(p.p99()).isEqualTo(1.2);
    assertThat(p.max()).isEqualTo(1.2);
  }
}
