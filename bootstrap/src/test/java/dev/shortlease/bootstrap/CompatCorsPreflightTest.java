package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * A web page on another origin calling the Service API, as a browser does it: for every {@code /v1}
 * route, the preflight a browser sends before a call with {@code Authorization} and a JSON body
 * (the headers Chromium sends, the requested headers lower-cased and sorted), judged by the Fetch
 * standard's CORS-preflight rules (fetch.spec.whatwg.org, "CORS-preflight fetch" and "CORS check");
 * then the call itself must pass the CORS check, or the page never sees the answer.
 */
class CompatCorsPreflightTest {
  private static final String ORIGIN = "http://localhost:3000";
  private static final Set<String> SAFELISTED_METHODS = Set.of("GET", "HEAD", "POST");
  private static ShortleaseServer server;
  private static Api api;
  private static String key;
  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  @BeforeAll
  static void start() {
    server = TestServers.simulated(Map.of());
    api = new Api(server);
    key = api.createApp("chat").key();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @TestFactory
  Stream<DynamicTest> everyRoutePassesABrowsersPreflight() {
    return server.routes().stream()
        .filter(route -> route.contains(" /v1/"))
        .map(
            route ->
                DynamicTest.dynamicTest(
                    route,
                    () -> {
                      String[] parts = route.split(" ", 2);
                      String path = parts[1].replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
                      // fetch() with Authorization and a JSON body; a GET sends no Content-Type.
                      List<String> headers =
                          parts[0].equals("GET")
                              ? List.of("authorization")
                              : List.of("authorization", "content-type");
                      assertThat(preflightFailures(parts[0], path, headers)).isEmpty();
                    }));
  }

  @Test
  @DisplayName("after the preflight, the call itself passes the browser's CORS check")
  void theCallPassesTheCorsCheck() throws Exception {
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/chat-messages"))
                .header("Origin", ORIGIN)
                .header("Authorization", "Bearer " + key)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Api.chat("browser", "Hi", "blocking", null))));

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(corsCheck(answer)).isNull();
  }

  @Test
  @DisplayName("an error answer (a wrong key) is readable by the page too")
  void anErrorPassesTheCorsCheck() throws Exception {
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/parameters"))
                .header("Origin", ORIGIN)
                .header("Authorization", "Bearer app-wrong")
                .GET());

    assertThat(answer.statusCode()).isEqualTo(401);
    assertThat(corsCheck(answer)).isNull();
  }

  /** Why a browser would refuse the call after this preflight; empty when it would go on. */
  private List<String> preflightFailures(String method, String path, List<String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder preflight =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Accept", "*/*")
            .header("Access-Control-Request-Method", method)
            .header("Access-Control-Request-Headers", String.join(",", headers))
            .header("Origin", ORIGIN)
            .header("Referer", ORIGIN + "/")
            .header("Sec-Fetch-Mode", "cors")
            .header("Sec-Fetch-Site", "same-site")
            .header("Sec-Fetch-Dest", "empty")
            .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) Chrome/130.0.0.0 Safari/537.36");
    HttpResponse<String> response = send(preflight);
    List<String> failures = new ArrayList<>();
    String cors = corsCheck(response);
    if (cors != null) {
      failures.add(cors);
    }
    if (response.statusCode() < 200 || response.statusCode() > 299) {
      failures.add("preflight status " + response.statusCode() + " is not an ok status");
    }
    Set<String> methods = list(response, "Access-Control-Allow-Methods");
    if (!SAFELISTED_METHODS.contains(method)
        && !methods.contains(method.toLowerCase(Locale.ROOT))
        && !methods.contains("*")) {
      failures.add(method + " is not in Access-Control-Allow-Methods " + methods);
    }
    Set<String> allowed = list(response, "Access-Control-Allow-Headers");
    for (String header : headers) {
      // "*" never covers Authorization.
      boolean wildcard = allowed.contains("*") && !header.equals("authorization");
      if (!allowed.contains(header) && !wildcard) {
        failures.add(header + " is not in Access-Control-Allow-Headers " + allowed);
      }
    }
    return failures;
  }

  /** The Fetch standard's CORS check, credentials mode "same-origin"; null when it passes. */
  private static String corsCheck(HttpResponse<String> response) {
    List<String> values = response.headers().allValues("Access-Control-Allow-Origin");
    if (values.size() != 1) {
      return "Access-Control-Allow-Origin should be one value, is " + values;
    }
    String origin = values.getFirst();
    return origin.equals("*") || origin.equals(ORIGIN)
        ? null
        : "Access-Control-Allow-Origin " + origin + " is neither * nor " + ORIGIN;
  }

  private static Set<String> list(HttpResponse<String> response, String header) {
    return response.headers().allValues(header).stream()
        .flatMap(value -> Arrays.stream(value.split(",")))
        .map(value -> value.strip().toLowerCase(Locale.ROOT))
        .filter(value -> !value.isEmpty())
        .collect(Collectors.toSet());
  }

  private HttpResponse<String> send(HttpRequest.Builder request)
      throws IOException, InterruptedException {
    return client.send(
        request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
