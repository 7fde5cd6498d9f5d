package dev.shortlease.benchmark.floor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import dev.shortlease.benchmark.BenchTestSupport;
import dev.shortlease.benchmark.Mode;
import dev.shortlease.benchmark.service.BenchmarkSchema;
import dev.shortlease.benchmark.service.SeededApp;
import dev.shortlease.benchmark.service.ServiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The floor serves the benchmark's chat contract: Dify's streaming events with the service's
 * fields, the message saved as the service saves it, and the errors a client can meet.
 */
@PostgresTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS) // one floor process for both tests
class FloorContractTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private BenchmarkSchema schema;
  private ServiceProcess floor;
  private String apiKey;
  private final HttpClient http = HttpClient.newHttpClient();

  @TempDir static Path dir;

  @BeforeAll
  void start() throws Exception {
    String adminUrl = BenchTestSupport.adminUrl(PostgresTestDatabase.settings());
    schema = BenchmarkSchema.create(adminUrl, "floor_contract");
    floor =
        ServiceProcess.start(
            Mode.FLOOR.launch(),
            Map.of(
                "DATABASE_URL", schema.serviceUrl("floor-contract"),
                "DB_POOL_SIZE", "2",
                "SIMULATED_TTFT_MS", "50",
                "SIMULATED_TOKENS_PER_SECOND", "60",
                "SIMULATED_ANSWER_TOKENS", "3"),
            BenchTestSupport.childClasspath(),
            "128m",
            List.of(),
            dir.resolve("floor.log"));
    apiKey = SeededApp.create(schema.serviceUrl("floor-contract-seed"), "contract");
  }

  @AfterAll
  void stop() throws Exception {
    if (floor != null) {
      floor.close();
    }
    if (schema != null) {
      schema.close();
    }
  }

  @Test
  @DisplayName(
      "a streaming chat: one message event per token, then message_end with usage; the message is"
          + " saved NORMAL with the answer, and its conversation exists")
  void streamsAndSaves() throws Exception {
    HttpResponse<String> response = chat("Bearer " + apiKey, "Hello?");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    List<JsonNode> events = new ArrayList<>();
    for (String line : response.body().split("\n")) {
      if (line.startsWith("data: ")) {
        events.add(JSON.readTree(line.substring(6)));
      }
    }
    assertThat(events)
        .extracting(e -> e.path("event").asText())
        .containsExactly("message", "message", "message", "message_end");
    JsonNode first = events.get(0);
    assertThat(first.fieldNames())
        .toIterable()
        .containsExactly(
            "event", "task_id", "id", "message_id", "conversation_id", "created_at", "answer");
    JsonNode end = events.get(3);
    assertThat(end.path("metadata").path("usage").path("completion_tokens").asInt()).isEqualTo(3);
    assertThat(end.path("message_id").asText()).isEqualTo(first.path("message_id").asText());
    String answer =
        events.subList(0, 3).stream()
            .map(e -> e.path("answer").asText())
            .reduce("", String::concat);

    try (Connection c = DriverManager.getConnection(schema.serviceUrl("floor-contract-check"));
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select m.status, m.answer, m.query, c.status from message m join conversation c"
                    + " on c.id = m.conversation_id where m.id = '"
                    + first.path("message_id").asText()
                    + "'")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("NORMAL");
      assertThat(rs.getString(2)).isEqualTo(answer);
      assertThat(rs.getString(3)).isEqualTo("Hello?");
      assertThat(rs.getString(4)).isEqualTo("NORMAL");
    }
  }

  @Test
  @DisplayName("an unknown key is 401 and a missing query 400, in Dify's error shape")
  void refusesBadRequests() throws Exception {
    HttpResponse<String> unknown = chat("Bearer app-unknown", "Hello?");
    HttpResponse<String> noQuery = chat("Bearer " + apiKey, "");

    assertThat(unknown.statusCode()).isEqualTo(401);
    assertThat(JSON.readTree(unknown.body()).path("code").asText()).isEqualTo("unauthorized");
    assertThat(noQuery.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(noQuery.body()).path("code").asText()).isEqualTo("invalid_param");
  }

  private HttpResponse<String> chat(String authorization, String query) throws Exception {
    String body =
        JSON.writeValueAsString(
            Map.of(
                "inputs",
                Map.of(),
                "query",
                query,
                "response_mode",
                "streaming",
                "user",
                "u-" + query.length()));
    return http.send(
        HttpRequest.newBuilder(URI.create(floor.baseUrl() + "/v1/chat-messages"))
            .header("Authorization", authorization)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
