package dev.shortlease.domain.port.contract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.StopRequest;
import dev.shortlease.domain.TaskId;
import dev.shortlease.domain.port.StopRequestsPort;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Contract of {@code StopRequestsPort}: the channel a stop takes to another instance. */
public abstract class StopRequestsContract extends PortContract {

  protected abstract StopRequestsPort stopRequests();

  @Test
  @DisplayName("a recorded request is listed since a moment before it, once even if sent twice")
  void recordedRequestsAreListed() {
    Instant before = Instant.now().minus(Duration.ofSeconds(5));
    StopRequest request = new StopRequest(newApp(), newUser(), TaskId.random());

    stopRequests().requestStop(request);
    stopRequests().requestStop(request);

    assertThat(stopRequests().stopRequestsSince(before)).containsOnlyOnce(request);
  }

  @Test
  @DisplayName("requests older than the window are not listed, and forgetting removes them")
  void oldRequestsAreForgotten() {
    AppId app = newApp();
    StopRequest request = new StopRequest(app, newUser(), TaskId.random());
    stopRequests().requestStop(request);
    Instant later = Instant.now().plus(Duration.ofMinutes(5));

    assertThat(stopRequests().stopRequestsSince(later)).doesNotContain(request);
    assertThat(stopRequests().forgetStopRequestsBefore(later)).isPositive();
    assertThat(stopRequests().stopRequestsSince(Instant.EPOCH)).doesNotContain(request);
  }
}
