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
 * A route's path with a slash added is no route, as in Dify (Flask's strict slashes answer 404): a
 * client that works here must work against Dify. The index is the exception, both ways.
 */
class TrailingSlashTest {
  private static final String ID = "00000000-0000-4000-8000-000000000001";
  @RegisterExtension final StubApi api = new StubApi();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Test
  @DisplayName("every route with a trailing slash added is 404 in Dify's shape")
  void everyRouteWithASlashIsUnknown() throws Exception {
    List<String> routes =
        api.routes().stream().filter(r -> !r.endsWith("/") && !r.equals("GET /v1")).toList();
    assertThat(routes).contains("GET /v1/meta", "POST /v1/chat-messages", "GET /admin/apps");

    for (String route : routes) {
      String[] parts = route.split(" ", 2);
      String path = parts[1].replaceAll("\\{[^}]+}", ID) + "/";

      HttpResponse<String> answer = send(parts[0], path);

      assertThat(answer.statusCode()).as(route + " " + answer.body()).isEqualTo(404);
      JsonNode error = Json.MAPPER.readTree(answer.body());
      assertThat(error.get("code").asText()).as(route).isEqualTo("not_found");
      assertThat(error.get("message").asText())
          .as(route)
          .isEqualTo(ApiError.unknownRoute().message());
    }
  }

  @Test
  @DisplayName("the index answers as /v1/ (Dify's route) and as /v1 (a base URL as written)")
  void indexBothWays() throws Exception {
    assertThat(send("GET", "/v1/").statusCode()).isEqualTo(200);
    assertThat(send("GET", "/v1").statusCode()).isEqualTo(200);
    assertThat(send("GET", "/v1/meta").statusCode()).isEqualTo(200);
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    String token = path.startsWith("/v1") ? StubUseCases.CHAT_KEY : StubUseCases.ADMIN_TOKEN;
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString("{}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
