package dev.shortlease.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.testing.PostgresTest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The orchestrator stops the instance with default settings: SIGTERM, then SIGKILL after the grace
 * ({@code docker stop}: 10 s; Kubernetes: 30 s) while one-minute answers stream.
 */
@PostgresTest
@DisplayName("Fault: SIGTERM, then SIGKILL after the orchestrator's grace")
class OrchestratorStopTest {
  private static final int STREAMS = 20;

  @ParameterizedTest(name = "SIGKILL {0} s after SIGTERM")
  @ValueSource(ints = {10, 30})
  void everyStreamEndsStoppedWithItsText(int killAfterSeconds) throws Exception {
    FaultDatabase db = new FaultDatabase();
    Map<String, String> env = ServiceProcess.baseEnv(db.url());
    env.put("SIMULATED_TOKENS_PER_SECOND", "20");
    env.put("SIMULATED_ANSWER_TOKENS", "1200"); // one minute per answer
    try (ServiceProcess service = ServiceProcess.start("sigterm-" + killAfterSeconds, env)) {
      String key = service.createApp();
      Streams streams = Streams.start(service, key, STREAMS);
      streams.awaitText(Duration.ofSeconds(30));
      StreamClient stoppedByUser = streams.clients.getFirst();

      service.terminate();
      long term = System.nanoTime();
      Thread.sleep(300);
      HttpResponse<String> ready = service.get("/health/ready");
      HttpResponse<String> refused =
          service.post(
              "/v1/chat-messages",
              key,
              "{\"query\": \"late\", \"user\": \"late\", \"response_mode\": \"streaming\","
                  + " \"inputs\": {}}");
      HttpResponse<String> stop =
          service.post(
              "/v1/chat-messages/" + stoppedByUser.taskId + "/stop", key, "{\"user\": \"user-0\"}");
      boolean exited = service.waitForExit(Duration.ofSeconds(killAfterSeconds).minusMillis(300));
      Duration exitAfter = Duration.ofNanos(System.nanoTime() - term);
      if (!exited) {
        service.kill();
      }

      assertThat(ready.statusCode()).as("readiness during the drain").isEqualTo(503);
      assertThat(refused.statusCode()).as(refused.body()).isEqualTo(503);
      assertThat(refused.body()).contains("service_unavailable").contains("shutting down");
      assertThat(refused.headers().firstValue("Retry-After")).isPresent();
      assertThat(stop.statusCode()).as("a stop request while draining").isEqualTo(200);
      assertThat(exited).as("exited before SIGKILL:\n%s", service.output()).isTrue();
      streams.awaitEnd(Duration.ofSeconds(5));
      for (StreamClient c : streams.clients) {
        assertThat(c.terminalEvent()).as("%s", c).isEqualTo("message_end");
      }
      streams.assertStoredAsSeen(db, "STOPPED");
      assertThat(service.output())
          .contains("draining " + STREAMS + " stream(s) for up to 3 s")
          .contains("1 stream(s) finished while draining") // the one its user stopped
          .contains((STREAMS - 1) + " stopped and saved with their text so far");
      System.out.printf(
          "FAULTS SIGTERM (SIGKILL at %d s): %d/%d streams saved STOPPED with their text, exited"
              + " %.1f s after SIGTERM%n",
          killAfterSeconds, STREAMS, STREAMS, exitAfter.toMillis() / 1000.0);
    }
  }
}
