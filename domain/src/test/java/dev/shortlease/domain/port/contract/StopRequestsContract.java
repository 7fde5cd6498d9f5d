package dev.shortlease.domain.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.StopRequest;
import dev.shortlease.domain.TaskId;
import dev.shortlease.domain.port.StopRequestsPort;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Contract of {@code StopRequestsPort}: the channel a stop takes to another instance. */
public abstract class StopRequestsContract extends PortContract {
  private static final Duration WINDOW = Duration.ofSeconds(10);

  protected abstract StopRequestsPort stopRequests();

  /**
   * Records {@code count} stops of random tasks by {@code app} and {@code user}, as {@link
   * StopRequestsPort#requestStop} would; a database may write them in one statement so that ten
   * thousand take a moment, not a minute.
   */
  protected void recordRandomStops(AppId app, String user, int count) {
    for (int i = 0; i < count; i++) {
      stopRequests().requestStop(new StopRequest(app, user, TaskId.random()));
    }
  }

  @Test
  @DisplayName("a recorded request is found among the candidates, once even if sent twice")
  void recordedRequestsAreFound() {
    StopRequest request = new StopRequest(newApp(), newUser(), TaskId.random());

    stopRequests().requestStop(request);
    stopRequests().requestStop(request);

    assertThat(stopRequests().recentAmong(List.of(request), WINDOW)).containsExactly(request);
  }

  @Test
  @DisplayName("a stop sent first by another user, or another app, does not hide the owner's")
  void foreignStopsDoNotHideTheOwners() {
    AppId app = newApp();
    TaskId task = TaskId.random();
    StopRequest owners = new StopRequest(app, "owner-" + task, task);
    StopRequest wrongUser = new StopRequest(app, "mallory-" + task, task);
    StopRequest otherApp = new StopRequest(newApp(), "owner-" + task, task);

    stopRequests().requestStop(wrongUser);
    stopRequests().requestStop(otherApp);
    stopRequests().requestStop(owners);

    assertThat(stopRequests().recentAmong(List.of(owners), WINDOW)).containsExactly(owners);
  }

  @Test
  @DisplayName("requests of other tasks are never read, however many there are")
  void onlyTheCandidatesAreRead() {
    AppId app = newApp();
    recordRandomStops(app, "noise", 10_000);
    List<StopRequest> running =
        IntStream.range(0, 3)
            .mapToObj(i -> new StopRequest(app, newUser(), TaskId.random()))
            .toList();
    stopRequests().requestStop(running.get(1));

    assertThat(stopRequests().recentAmong(running, WINDOW)).containsExactly(running.get(1));
    assertThat(stopRequests().recentAmong(List.of(), WINDOW)).isEmpty();
  }

  @Test
  @DisplayName("with a thousand runs polled at once, a stop is found whichever run it is for")
  void manyCandidatesAreAllMatched() {
    AppId app = newApp();
    List<StopRequest> running =
        IntStream.range(0, 1_200)
            .mapToObj(i -> new StopRequest(app, "user-" + i, TaskId.random()))
            .toList();
    List<StopRequest> stopped = List.of(running.get(0), running.get(700), running.get(1_199));
    stopped.forEach(stopRequests()::requestStop);
    // the same task asked to stop by someone else matches nothing
    stopRequests().requestStop(new StopRequest(app, "mallory", running.get(5).taskId()));

    assertThat(stopRequests().recentAmong(running, WINDOW))
        .containsExactlyInAnyOrderElementsOf(stopped);
  }

  @Test
  @DisplayName("a request older than the window is not found, and forgetting removes it")
  void oldRequestsAreForgotten() throws InterruptedException {
    StopRequest request = new StopRequest(newApp(), newUser(), TaskId.random());
    stopRequests().requestStop(request);
    Thread.sleep(20);

    assertThat(stopRequests().recentAmong(List.of(request), Duration.ofMillis(10))).isEmpty();
    assertThat(stopRequests().forgetOlderThan(Duration.ofMillis(10))).isPositive();
    assertThat(stopRequests().recentAmong(List.of(request), Duration.ofDays(1))).isEmpty();
  }

  @Test
  @DisplayName("a request sent again is stamped anew: it opens a fresh window")
  void repeatedRequestsAreRestamped() throws InterruptedException {
    StopRequest request = new StopRequest(newApp(), newUser(), TaskId.random());
    stopRequests().requestStop(request);
    Thread.sleep(300);

    stopRequests().requestStop(request);

    assertThat(stopRequests().recentAmong(List.of(request), Duration.ofMillis(200)))
        .containsExactly(request);
  }
}
