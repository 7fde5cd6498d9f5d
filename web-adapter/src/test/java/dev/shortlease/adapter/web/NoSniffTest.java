package dev.shortlease.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Every answer tells the browser to take its declared type: none is sniffed into a page. */
class NoSniffTest {
  private static final String ID = "00000000-0000-4000-8000-000000000001";

  private final StubUseCases stubs = new StubUseCases();
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private HttpApi api;

  @BeforeEach
  void start() {
    api = stubs.api(new WebSettings(StubUseCases.ADMIN_TOKEN)).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    api.stop();
  }

  @Test
  @DisplayName("every route, with and without a key, an unknown path and a preflight send nosniff")
  void everyAnswerIsNoSniff() throws Exception {
    for (String route : api.routes()) {
      String method = route.substring(0, route.indexOf(' '));
      String path = route.substring(route.indexOf(' ') + 1).replaceAll("\\{[^}]+}", ID);
      for (String key : new String[] {null, StubUseCases.CHAT_KEY, StubUseCases.ADMIN_TOKEN}) {
        HttpResponse<String> answer = send(method, path, key);
        assertThat(answer.headers().firstValue("X-Content-Type-Options"))
            .as(method + " " + path + " -> " + answer.statusCode())
            .contains("nosniff");
      }
    }
    assertThat(send("GET", "/nowhere", null).headers().firstValue("X-Content-Type-Options"))
        .contains("nosniff");
    assertThat(send("OPTIONS", "/v1/info", null).headers().firstValue("X-Content-Type-Options"))
        .contains("nosniff");
  }

  private HttpResponse<String> send(String method, String path, String key) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                method.equals("GET") || method.equals("HEAD")
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString("{}"));
    if (key != null) {
      request.header("Authorization", "Bearer " + key);
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }
}
