package dev.shortlease.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A JSON body not declared JSON is refused on every {@code /v1} route that takes one, as Dify's
 * {@code request.get_json()} refuses it (werkzeug's 415), before any use case runs; and on the
 * admin routes that take one.
 */
class JsonContentTypeTest {
  private static final String ID = "00000000-0000-4000-8000-000000000001";
  private static final String BODY =
      "{\"user\":\"alice\",\"query\":\"Hi\",\"inputs\":{},\"response_mode\":\"blocking\"}";

  /** The routes that take a form instead, or no body at all. */
  private static final List<String> NOT_JSON =
      List.of(
          "POST /v1/files/upload",
          "POST /v1/audio-to-text",
          "DELETE /v1/apps/annotations/{id}",
          "POST /admin/apps/{id}/keys",
          "DELETE /admin/apps/{id}/keys/{id}");

  @RegisterExtension final StubApi api = new StubApi();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  @DisplayName("every /v1 route with a JSON body answers 415 to text/plain, a form type, or none")
  void everyJsonRouteRefusesOtherTypes() throws Exception {
    List<String> routes =
        api.routes().stream()
            .filter(r -> (r.contains(" /v1/") || r.contains(" /admin/")) && !r.startsWith("GET "))
            .filter(r -> !NOT_JSON.contains(r.replaceAll("\\{[^}]+}", "{id}")))
            .toList();
    assertThat(routes)
        .contains(
            "POST /v1/chat-messages",
            "DELETE /v1/conversations/{conversation_id}",
            "PUT /v1/conversations/{conversation_id}/variables/{variable_id}",
            "POST /v1/text-to-audio",
            "POST /v1/apps/annotation-reply/{action}",
            "POST /admin/apps",
            "PATCH /admin/apps/{app_id}",
            "POST /admin/uploads/cleanup");

    for (String route : routes) {
      for (String type : new String[] {"text/plain", "application/x-www-form-urlencoded", null}) {
        HttpResponse<String> answer = send(route, type, BODY);

        assertThat(answer.statusCode())
            .as(route + " " + type + ": " + answer.body())
            .isEqualTo(415);
        JsonNode error = Json.MAPPER.readTree(answer.body());
        assertThat(error.get("code").asText()).as(route).isEqualTo("unsupported_media_type");
        assertThat(error.get("status").asInt()).isEqualTo(415);
        assertThat(error.get("message").asText())
            .isEqualTo(
                "Did not attempt to load JSON data because the request Content-Type was not"
                    + " 'application/json'.");
      }
    }
    assertThat(api.stubs.lastCommand.get()).as("no chat started").isNull();
  }

  @Test
  @DisplayName("an empty DELETE body not declared JSON is refused too, as Dify's get_json does")
  void emptyDeleteWithoutType() throws Exception {
    HttpResponse<String> answer = send("DELETE /v1/conversations/" + ID, null, "");

    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(415);
  }

  @Test
  @DisplayName("JSON in any case, with parameters, or as application/*+json is read as JSON")
  void jsonTypesAccepted() throws Exception {
    for (String type :
        new String[] {
          "application/json", "Application/JSON; charset=utf-8", "application/vnd.api+json"
        }) {
      HttpResponse<String> answer =
          send("POST /v1/messages/" + ID + "/feedbacks", type, "{\"user\":\"a\",\"rating\":null}");

      assertThat(answer.statusCode()).as(type + ": " + answer.body()).isEqualTo(200);
    }
    assertThat(JsonRequest.isJson("text/json")).isFalse();
    assertThat(JsonRequest.isJson("application/jsonx")).isFalse();
  }

  @Test
  @DisplayName("a wrong key is still 401 first, as Dify authenticates before it reads the body")
  void keyCheckedFirst() throws Exception {
    HttpResponse<String> answer =
        client.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + api.port() + "/v1/chat-messages"))
                .header("Authorization", "Bearer app-wrong")
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(BODY))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(answer.statusCode()).isEqualTo(401);
  }

  private HttpResponse<String> send(String route, String type, String body) throws Exception {
    String[] parts = route.split(" ", 2);
    String path = parts[1].replace("{action}", "enable").replaceAll("\\{[^}]+}", ID);
    String key =
        path.startsWith("/admin/")
            ? StubUseCases.ADMIN_TOKEN
            : path.contains("completion") ? StubUseCases.COMPLETION_KEY : StubUseCases.CHAT_KEY;
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
            .header("Authorization", "Bearer " + key)
            .method(parts[0], HttpRequest.BodyPublishers.ofString(body));
    if (type != null) {
      request.header("Content-Type", type);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
