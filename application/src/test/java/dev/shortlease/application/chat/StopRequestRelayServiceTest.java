package dev.shortlease.application.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.application.LimitSettings;
import dev.shortlease.application.StopRelaySettings;
import dev.shortlease.application.limits.ActiveRequests;
import dev.shortlease.application.port.in.TooManyRequestsException;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.NewTurn;
import dev.shortlease.domain.StopRequest;
import dev.shortlease.domain.TaskId;
import dev.shortlease.domain.port.StopRequestsPort;
import dev.shortlease.domain.port.inmemory.InMemoryStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Two instances sharing one store: a stop sent to the one without the run reaches the other. */
class StopRequestRelayServiceTest {
  private final InMemoryStore store = new InMemoryStore();
  private final AppId app =
      store.createApp(new NewApp("relay", null, AppMode.CHAT, null, null, null, null));

  private final RunRegistry running = new RunRegistry(); // the instance running the task
  private final RunRegistry elsewhere = new RunRegistry(); // the instance the stop reached

  @Test
  @DisplayName("a stop sent to another instance is recorded there and applied by the running one")
  void stopTravelsThroughTheStore() {
    RunningChat run = runFor("alice");
    running.register(run, running.beginStart());

    stopperAt(elsewhere, store).stop(app, "alice", run.taskId());
    assertThat(run.stopReason()).as("not yet: it went through the store").isEmpty();

    int applied = new StopRequestRelayService(running, store).applyRecent();

    assertThat(applied).isEqualTo(1);
    assertThat(run.stopReason()).contains(StopReason.USER);
  }

  @Test
  @DisplayName("a recorded stop by another user stops nothing, and does not hide the owner's")
  void foreignStopIsIgnoredAndHidesNothing() {
    RunningChat run = runFor("alice");
    running.register(run, running.beginStart());
    StopRequestRelayService relay = new StopRequestRelayService(running, store);

    stopperAt(elsewhere, store).stop(app, "mallory", run.taskId());
    assertThat(relay.applyRecent()).isZero();
    assertThat(run.stopReason()).isEmpty();

    stopperAt(elsewhere, store).stop(app, "alice", run.taskId());
    assertThat(relay.applyRecent()).isEqualTo(1);
    assertThat(run.stopReason()).contains(StopReason.USER);
  }

  @Test
  @DisplayName("10,000 random stops: most are refused with 429, and a poll reads one row per run")
  void randomStopsAreBoundedOnBothEnds() {
    CountingStops counting = new CountingStops(store);
    StopRelaySettings limit = StopRelaySettings.defaults();
    StopGenerationService attacker =
        new StopGenerationService(elsewhere, counting, new StopRelayBudget(limit, () -> 0L));
    int refused = 0;
    for (int i = 0; i < 10_000; i++) {
      try {
        attacker.stop(app, "mallory", TaskId.random());
      } catch (TooManyRequestsException e) {
        refused++;
      }
    }
    RunningChat alice = runFor("alice");
    RunningChat bob = runFor("bob");
    running.register(alice, running.beginStart());
    running.register(bob, running.beginStart());

    int applied = new StopRequestRelayService(running, counting).applyRecent();

    assertThat(counting.written).as("rows written: the burst, no time to refill").hasValue(100);
    assertThat(refused).isEqualTo(10_000 - 100);
    assertThat(applied).isZero();
    assertThat(counting.candidatesAsked).as("rows a poll may read").hasValue(2);
  }

  @Test
  @DisplayName("a stop that finds its run locally writes nothing and spends no budget")
  void localStopsSkipTheStoreAndTheBudget() {
    CountingStops counting = new CountingStops(store);
    StopGenerationService stopper =
        new StopGenerationService(
            running, counting, new StopRelayBudget(new StopRelaySettings(1, 1)));
    assertThat(new StopRequestRelayService(elsewhere, counting).applyRecent()).isZero();
    for (int i = 0; i < 3; i++) {
      RunningChat run = runFor("alice");
      running.register(run, running.beginStart());
      stopper.stop(app, "alice", run.taskId());
      assertThat(run.stopReason()).contains(StopReason.USER);
    }

    assertThat(counting.written).hasValue(0);
    assertThat(counting.reads).as("an idle instance reads nothing").hasValue(0);
  }

  @Test
  @DisplayName("the budget refills with time, per app")
  void budgetRefillsPerApp() {
    long[] now = {0};
    StopRelayBudget budget = new StopRelayBudget(new StopRelaySettings(2, 3), () -> now[0]);
    AppId other = AppId.random();

    assertThat(List.of(budget.tryTake(app), budget.tryTake(app), budget.tryTake(app)))
        .containsOnly(true);
    assertThat(budget.tryTake(app)).isFalse();
    assertThat(budget.tryTake(other)).as("another app has its own").isTrue();
    now[0] += Duration.ofMillis(500).toNanos();
    assertThat(budget.tryTake(app)).as("one more after half a second at 2/s").isTrue();
    assertThat(budget.tryTake(app)).isFalse();
  }

  private static StopGenerationService stopperAt(RunRegistry registry, StopRequestsPort port) {
    return new StopGenerationService(
        registry, port, new StopRelayBudget(StopRelaySettings.defaults()));
  }

  private RunningChat runFor(String user) {
    var turn = store.startTurn(new NewTurn(app, user, null, "q", null));
    return new RunningChat(
        app,
        user,
        AppMode.CHAT,
        turn,
        16,
        java.util.List.of(),
        new ActiveRequests(LimitSettings.DEFAULTS).enter(store.findApp(app).orElseThrow(), user));
  }

  /** The store, counting what goes in and what a poll may read. */
  private static final class CountingStops implements StopRequestsPort {
    final AtomicInteger written = new AtomicInteger();
    final AtomicInteger reads = new AtomicInteger();
    final AtomicInteger candidatesAsked = new AtomicInteger();
    private final StopRequestsPort store;

    CountingStops(StopRequestsPort store) {
      this.store = store;
    }

    @Override
    public void requestStop(StopRequest request) {
      written.incrementAndGet();
      store.requestStop(request);
    }

    @Override
    public List<StopRequest> recentAmong(Collection<StopRequest> candidates, Duration window) {
      reads.incrementAndGet();
      candidatesAsked.addAndGet(candidates.size());
      return new ArrayList<>(store.recentAmong(candidates, window));
    }

    @Override
    public int forgetOlderThan(Duration age) {
      return store.forgetOlderThan(age);
    }
  }
}
