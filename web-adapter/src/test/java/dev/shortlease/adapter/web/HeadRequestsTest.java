package dev.shortlease.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * HEAD is GET without the body, through the same handler, as Flask serves Dify's routes: a load
 * balancer's {@code HEAD /health/ready} must see a draining instance, and no route may answer a
 * HEAD without the key its GET needs.
 */
class HeadRequestsTest {
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
  @DisplayName("every GET route answers HEAD with GET's status and headers and no body")
  void headIsGetWithoutTheBody() throws Exception {
    List<String> paths =
        api.routes().stream()
            .filter(r -> r.startsWith("GET "))
            .map(r -> r.substring(4).replaceAll("\\{[^}]+}", ID))
            .toList();
    assertThat(paths).contains("/v1/meta", "/admin/apps", "/health/ready", "/dashboard");

    for (String path : paths) {
      HttpResponse<String> get = send("GET", path);
      HttpResponse<String> head = send("HEAD", path);

      assertThat(head.statusCode()).as("HEAD " + path).isEqualTo(get.statusCode());
      assertThat(head.headers().firstValue("Content-Type"))
          .as("HEAD " + path)
          .isEqualTo(get.headers().firstValue("Content-Type"));
      assertThat(head.headers().firstValue("Content-Security-Policy"))
          .as("HEAD " + path)
          .isEqualTo(get.headers().firstValue("Content-Security-Policy"));
      assertThat(head.body()).as("HEAD " + path).isEmpty();
    }
    assertThat(send("HEAD", "/v1/meta").statusCode()).as("no key").isEqualTo(401);
  }

  @Test
  @DisplayName("HEAD /health/ready answers 503 once the instance drains")
  void readinessSeesTheDrain() throws Exception {
    assertThat(send("HEAD", "/health/ready").statusCode()).isEqualTo(200);

    api.beginDraining();

    assertThat(send("HEAD", "/health/ready").statusCode()).isEqualTo(503);
  }

  private HttpResponse<String> send(String method, String path) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
