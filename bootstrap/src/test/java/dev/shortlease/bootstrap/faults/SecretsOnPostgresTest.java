package dev.shortlease.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.testing.PostgresTest;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A whole run with a password in {@code DATABASE_URL}: nothing the service prints contains it. */
@PostgresTest
class SecretsOnPostgresTest {

  @Test
  @Timeout(180)
  @DisplayName("start, serve, fail a request, scrape, shut down: no credential in the output")
  void wholeRunPrintsNoSecret() throws Exception {
    FaultDatabase db = new FaultDatabase();
    String url = db.url();
    // The server here trusts local connections, so any password works; one it checks stays.
    String password =
        url.contains("password=")
            ? url.substring(url.indexOf("password=") + 9).split("&")[0]
            : SecretsInOutputTest.URL_PASSWORD;
    if (!url.contains("password=")) {
      url = url + (url.contains("?") ? "&" : "?") + "password=" + password;
    }
    Map<String, String> env = ServiceProcess.baseEnv(url);
    env.put("LLM_API_KEY", SecretsInOutputTest.API_KEY);

    String output;
    try (ServiceProcess service = ServiceProcess.start("secrets-run", env, "384m", true)) {
      String key = service.createApp();
      String chat =
          "{\"inputs\":{},\"query\":\"hi\",\"response_mode\":\"blocking\",\"user\":\"u\"}";
      assertThat(service.post("/v1/chat-messages", key, chat).statusCode()).isEqualTo(200);
      service.post("/v1/chat-messages/" + UUID.randomUUID() + "/stop", key, "{\"user\":\"u\"}");
      assertThat(service.post("/v1/chat-messages", key, "{not json").statusCode()).isEqualTo(400);
      String metrics = service.get("/metrics").body();
      String pool = service.getWithToken("/admin/pool", ServiceProcess.ADMIN_TOKEN).body();
      assertThat(metrics + pool).doesNotContain(password);
      service.terminate();
      assertThat(service.waitForExit(Duration.ofSeconds(30))).isTrue();
      output = service.output();
    }

    assertThat(output).contains("shortlease is running");
    assertThat(output).as("output:%n%s", output).doesNotContain(password);
    SecretsInOutputTest.assertNoSecret(output);
  }
}
