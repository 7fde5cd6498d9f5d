package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The contract check trips on what it is there to catch (no server: answers written here). */
class DifyContractTest {
  private static final DifyContract CONTRACT = new DifyContract();
  private static final String JSON = "application/json";
  private static final String SSE = "text/event-stream";
  private static final String IDS =
      "\"task_id\":\"5ebc0014-e8b1-4304-b223-ccdf44fa8301\","
          + "\"id\":\"f6f0e078-afcc-43d2-86c1-cb762e11b5b5\","
          + "\"message_id\":\"f6f0e078-afcc-43d2-86c1-cb762e11b5b5\","
          + "\"conversation_id\":\"9621ed1f-d9a2-4a3d-8dc7-ca5712405a19\"";
  private static final String METADATA =
      "\"metadata\":{\"usage\":{\"prompt_tokens\":8,\"completion_tokens\":6,\"total_tokens\":14,"
          + "\"total_price\":\"0\",\"currency\":\"USD\",\"latency\":0.06},\"retriever_resources\":[]}";
  private static final String ANSWER =
      "{\"event\":\"message\","
          + IDS
          + ",\"mode\":\"chat\",\"answer\":\"Hi\","
          + METADATA
          + ",\"created_at\":1796144361}";

  @Test
  @DisplayName("a complete blocking answer conforms (the control case)")
  void conforming() {
    assertThat(CONTRACT.violations("POST /v1/chat-messages", 200, JSON, ANSWER)).isEmpty();
  }

  @Test
  @DisplayName("a field Dify's schema does not require but ours does: named")
  void missingRequiredField() {
    String answer = ANSWER.replace(",\"mode\":\"chat\"", "");
    assertThat(CONTRACT.violations("POST /v1/chat-messages", 200, JSON, answer))
        .anySatisfy(v -> assertThat(v).contains("strict").contains("mode"));
  }

  @Test
  @DisplayName("a wrong type against Dify's own schema: named")
  void wrongType() {
    String answer = ANSWER.replace("1796144361", "\"yesterday\"");
    assertThat(CONTRACT.violations("POST /v1/chat-messages", 200, JSON, answer))
        .anySatisfy(v -> assertThat(v).contains("Dify").contains("created_at"));
  }

  @Test
  @DisplayName("a nullable field (Dify's nullable: true) may be null, a plain one may not")
  void nullable() {
    String parameters = "{\"opening_statement\":null}";
    assertThat(CONTRACT.violations("GET /v1/parameters", 200, JSON, parameters))
        .isNotEmpty() // the other required fields
        .allSatisfy(v -> assertThat(v).contains("required property"));
    String info =
        "{\"name\":null,\"description\":\"\",\"tags\":[],\"mode\":\"chat\",\"author_name\":\"a\"}";
    assertThat(CONTRACT.violations("GET /v1/info", 200, JSON, info))
        .anySatisfy(v -> assertThat(v).contains("Dify").contains("name").contains("null"));
  }

  @Test
  @DisplayName("an error without Dify's shape, or with a code Dify does not list there: named")
  void errors() {
    assertThat(
            CONTRACT.violations(
                "POST /v1/chat-messages", 404, JSON, "{\"error\":\"Conversation Not Exists.\"}"))
        .anySatisfy(v -> assertThat(v).contains("code"));
    assertThat(
            CONTRACT.violations(
                "POST /v1/chat-messages",
                404,
                JSON,
                "{\"status\":404,\"code\":\"missing\",\"message\":\"Conversation Not Exists.\"}"))
        .anySatisfy(v -> assertThat(v).contains("'missing' is not one of"));
    assertThat(
            CONTRACT.violations(
                "POST /v1/chat-messages",
                404,
                JSON,
                "{\"status\":400,\"code\":\"not_found\",\"message\":\"Conversation Not Exists.\"}"))
        .anySatisfy(v -> assertThat(v).contains("the body's status"));
    assertThat(CONTRACT.violations("POST /v1/chat-messages", 404, "text/plain", "Not found"))
        .anySatisfy(v -> assertThat(v).contains("not JSON"));
  }

  @Test
  @DisplayName("a stream event missing a field, or of a name Dify does not have: named")
  void streamEvents() {
    String good =
        "data: {\"event\":\"message\"," + IDS + ",\"answer\":\"Hi\",\"created_at\":1}\n\n";
    String end =
        "data: {\"event\":\"message_end\","
            + IDS
            + ","
            + METADATA
            + ",\"files\":null,\"created_at\":1}\n\n";
    assertThat(CONTRACT.violations("POST /v1/chat-messages", 200, SSE, good + end)).isEmpty();
    // message_end carries files (null without any, as Dify's), and each names Dify's fields
    assertThat(
            CONTRACT.violations(
                "POST /v1/chat-messages", 200, SSE, good + end.replace(",\"files\":null", "")))
        .anySatisfy(v -> assertThat(v).contains("event 'message_end'").contains("files"));
    assertThat(
            CONTRACT.violations(
                "POST /v1/chat-messages",
                200,
                SSE,
                good + end.replace("\"files\":null", "\"files\":[{\"type\":\"image\"}]")))
        .anySatisfy(v -> assertThat(v).contains("related_id"));

    String noAnswer = "data: {\"event\":\"message\"," + IDS + ",\"created_at\":1}\n\n";
    assertThat(CONTRACT.violations("POST /v1/chat-messages", 200, SSE, noAnswer + end))
        .anySatisfy(v -> assertThat(v).contains("event 'message'").contains("answer"));
    String unknown = "data: {\"event\":\"done\"," + IDS + "}\n\n";
    assertThat(CONTRACT.violations("POST /v1/chat-messages", 200, SSE, good + unknown))
        .anySatisfy(v -> assertThat(v).contains("event 'done'"));
    // agent_message is a chat-app event, not one of a completion app's.
    String agent = "data: {\"event\":\"agent_message\"," + IDS + ",\"answer\":\"Hi\"}\n\n";
    assertThat(CONTRACT.violations("POST /v1/completion-messages", 200, SSE, agent))
        .anySatisfy(v -> assertThat(v).contains("not an event of"));
  }

  @Test
  @DisplayName("a route or a success status neither document has: named")
  void undocumented() {
    assertThat(CONTRACT.violations("GET /v1/nowhere", 200, JSON, "{}"))
        .anySatisfy(v -> assertThat(v).contains("in neither Dify's OpenAPI nor"));
    assertThat(CONTRACT.violations("POST /v1/chat-messages", 201, JSON, ANSWER))
        .anySatisfy(v -> assertThat(v).contains("status 201 is in neither document"));
    assertThat(CONTRACT.violations("DELETE /v1/conversations/{conversation_id}", 204, JSON, "{}"))
        .anySatisfy(v -> assertThat(v).contains("a 204 has a body"));
  }

  @Test
  @DisplayName("each strict component is named like one of Dify's (a typo would leave it unused)")
  void strictComponentsMatchDifys() throws Exception {
    JsonNode dify = read(DifyContract.DIFY).path("components").path("schemas");
    Set<String> ours = new TreeSet<>();
    read(DifyContract.STRICT)
        .path("components")
        .path("schemas")
        .fieldNames()
        .forEachRemaining(ours::add);
    ours.removeAll(
        Set.of(
            "Error",
            "Metadata",
            "CompletionMetadata",
            "SuccessResult",
            "ApiRootResponse",
            "ToolLabels",
            "MessageEndFile")); // ours only
    assertThat(ours).allSatisfy(name -> assertThat(dify.has(name)).as(name).isTrue());
  }

  @Test
  @DisplayName("Dify's own response examples pass our stricter schema (it asks nothing Dify omits)")
  void difysExamplesPassOurSchema() throws Exception {
    JsonNode paths = read(DifyContract.DIFY).path("paths");
    JsonNode strictPaths = read(DifyContract.STRICT).path("paths");
    List<String> checked = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    paths
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        operation ->
                            operation
                                .getValue()
                                .path("responses")
                                .properties()
                                .forEach(
                                    response -> {
                                      String route =
                                          operation.getKey().toUpperCase(Locale.ROOT)
                                              + " /v1"
                                              + path.getKey();
                                      JsonNode examples =
                                          response
                                              .getValue()
                                              .path("content")
                                              .path("application/json")
                                              .path("examples");
                                      if (!response.getKey().startsWith("2")) {
                                        return;
                                      }
                                      for (JsonNode example : examples) {
                                        List<String> found =
                                            CONTRACT.violations(
                                                route,
                                                Integer.parseInt(response.getKey()),
                                                JSON,
                                                example.path("value").toString());
                                        if (found.stream()
                                            .anyMatch(v -> v.contains("no schema in"))) {
                                          continue; // not ours to serve (workflows, datasets, ...)
                                        }
                                        checked.add(route);
                                        problems.addAll(found);
                                      }
                                    })));
    assertThat(checked)
        .contains("GET /v1/conversations", "GET /v1/site", "GET /v1/apps/annotations");
    assertThat(problems).isEmpty();
  }

  private static JsonNode read(String resource) throws Exception {
    try (InputStream in = DifyContractTest.class.getClassLoader().getResourceAsStream(resource)) {
      return Api.JSON.readTree(in);
    }
  }

  @Test
  @DisplayName("bytes: a media type the documents list passes, another is named")
  void bytes() {
    assertThat(CONTRACT.violations("POST /v1/text-to-audio", 200, "audio/mpeg", "ID3")).isEmpty();
    assertThat(CONTRACT.violations("POST /v1/text-to-audio", 200, "text/html", "<html>"))
        .anySatisfy(v -> assertThat(v).contains("'text/html' is in neither document"));
    assertThat(CONTRACT.violations("GET /v1/files/{file_id}/preview", 200, "image/png", "PNG"))
        .isEmpty();
  }

  @Test
  @DisplayName("a success with a schema in Dify's document only (none of ours): named")
  void strictSchemaRequired() {
    // Dify documents a schema for workflow logs; ours has none (not served), so not enough.
    assertThat(CONTRACT.violations("GET /v1/workflows/logs", 200, JSON, "{}"))
        .anySatisfy(v -> assertThat(v).contains("no schema in dify/shortlease-strict"));
  }
}
