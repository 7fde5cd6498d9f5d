package dev.shortlease.application.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.NewTurn;
import dev.shortlease.domain.StopRequest;
import dev.shortlease.domain.port.StopRequestsPort;
import dev.shortlease.domain.port.inmemory.InMemoryStore;
import java.time.Instant;
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
    running.register(run);

    new StopGenerationService(elsewhere, store).stop(app, "alice", run.taskId());
    assertThat(run.stopReason()).as("not yet: it went through the store").isEmpty();

    int applied = new StopRequestRelayService(running, store).applyRecent();

    assertThat(applied).isEqualTo(1);
    assertThat(run.stopReason()).contains(StopReason.USER);
  }

  @Test
  @DisplayName("a recorded stop by another user stops nothing")
  void foreignStopIsIgnored() {
    RunningChat run = runFor("alice");
    running.register(run);

    new StopGenerationService(elsewhere, store).stop(app, "mallory", run.taskId());

    assertThat(new StopRequestRelayService(running, store).applyRecent()).isZero();
    assertThat(run.stopReason()).isEmpty();
  }

  @Test
  @DisplayName("a stop that finds its run locally writes nothing; an idle instance reads nothing")
  void localStopsAndIdleInstancesSkipTheStore() {
    AtomicInteger reads = new AtomicInteger();
    AtomicInteger writes = new AtomicInteger();
    StopRequestsPort counting =
        new StopRequestsPort() {
          @Override
          public void requestStop(StopRequest request) {
            writes.incrementAndGet();
          }

          @Override
          public List<StopRequest> stopRequestsSince(Instant since) {
            reads.incrementAndGet();
            return List.of();
          }

          @Override
          public int forgetStopRequestsBefore(Instant before) {
            return 0;
          }
        };
    assertThat(new StopRequestRelayService(elsewhere, counting).applyRecent()).isZero();
    RunningChat run = runFor("alice");
    running.register(run);

    new StopGenerationService(running, counting).stop(app, "alice", run.taskId());

    assertThat(run.stopReason()).contains(StopReason.USER);
    assertThat(writes).hasValue(0);
    assertThat(reads).hasValue(0);
  }

  private RunningChat runFor(String user) {
    var turn = store.startTurn(new NewTurn(app, user, null, "q", null));
    return new RunningChat(app, user, AppMode.CHAT, turn, 16);
  }
}
