package ${package}.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The whole service over HTTP: H2, Hibernate, the simulated long call, the guards, Javalin. */
class ServiceTest {
  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static Server server;

  @BeforeAll
  static void start() {
    server = Server.start(TestSettings.fresh());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void aQuestionIsAnsweredAndTheAnswerSaved() throws Exception {
    HttpResponse<String> asked = send("POST", "/questions", "{\"text\": \"Why is the sky blue?\"}");
    assertThat(asked.statusCode()).isEqualTo(201);
    String id = asked.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

    HttpResponse<String> answered = send("POST", "/questions/" + id + "/answer", null);
    assertThat(answered.statusCode()).isEqualTo(200);
    assertThat(answered.body()).contains("A simulated answer to");

    HttpResponse<String> read = send("GET", "/questions/" + id, null);
    assertThat(read.body()).contains("\"answer\":\"A simulated answer to");
  }

  @Test
  void probesAndPoolMetrics() throws Exception {
    assertThat(send("GET", "/health/live", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/health/ready", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/metrics", null).body())
        .contains("hikaricp_connections_active")
        .contains("guardrails_connections_lease_seconds_count")
        .contains("jvm_memory_used_bytes");
  }

  @Test
  void h2ClosesWithThePoolNotInItsOwnShutdownHook() {
    assertThat(Settings.fromEnvironment(Map.of()).database().jdbcUrl())
        .startsWith(Settings.DEFAULT_DATABASE_URL)
        .contains(";DB_CLOSE_ON_EXIT=FALSE");
  }

  @Test
  void badSettingsAreNamed() {
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("DB_POOL_SIZE", "many")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("DB_POOL_SIZE");
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("GUARD_MODE", "loose")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("GUARD_MODE");
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("DATABASE_URL", "postgres://x")))
        .isInstanceOf(SettingsException.class)
        .hasMessageContaining("DATABASE_URL");
  }

  /** A value out of range names its variable, not the settings record's field. */
  @Test
  void settingsOutOfRangeNameTheirVariable() {
    Map.of(
            "DB_POOL_SIZE", "0",
            "DB_CONNECTION_TIMEOUT_MS", "10",
            "DB_LEAK_THRESHOLD_MS", "100")
        .forEach(
            (variable, value) ->
                assertThatThrownBy(() -> Settings.fromEnvironment(Map.of(variable, value)))
                    .isInstanceOf(SettingsException.class)
                    .hasMessageStartingWith(variable + " must be")
                    .hasMessageEndingWith("got " + value)
                    .hasMessageNotContaining("poolSize")
                    .hasMessageNotContaining("Millis"));
    assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("DB_POOL_SIZE", "1001")))
        .hasMessage("DB_POOL_SIZE must be within 1..1000, got 1001");
    assertThat(Settings.fromEnvironment(Map.of("DB_LEAK_THRESHOLD_MS", "0")).database())
        .extracting(database -> database.leakDetectionThresholdMillis())
        .isEqualTo(0L);
  }

  private static HttpResponse<String> send(String method, String path, String body)
      throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .build();
    return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
