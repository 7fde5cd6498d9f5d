package dev.shortlease.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * docs/service.md's route table is the served API: the same routes, and each asks for the
 * credential the table names (checked over HTTP without one).
 */
class RoutesDocTest {
  private static final Path DOC = Path.of("..", "docs", "service.md");
  private static final Pattern ROW =
      Pattern.compile("^\\| `(GET|POST|PATCH|PUT|DELETE)` \\| `([^`]+)` \\| ([^|]+?) \\| .+\\|$");
  private static final String SOME_ID = "00000000-0000-4000-8000-000000000001";

  private record Route(String method, String path, String auth) {}

  @RegisterExtension final StubApi api = new StubApi();

  @Test
  @DisplayName("docs/service.md lists exactly the routes HttpApi serves")
  void tableMatchesRoutes() throws Exception {
    List<String> documented =
        documented().stream().map(route -> route.method() + " " + route.path()).toList();

    assertThat(documented)
        .doesNotHaveDuplicates()
        .containsExactlyInAnyOrderElementsOf(api.routes());
  }

  @Test
  @DisplayName("each route asks for the credential its row names")
  void authColumnIsTrue() throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    for (Route route : documented()) {
      String path = route.path().replaceAll("\\{[a-z_]+}", SOME_ID);
      HttpRequest request =
          HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
              .header("Content-Type", "application/json")
              .method(route.method(), HttpRequest.BodyPublishers.ofString("{}"))
              .build();
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      switch (route.auth()) {
        case "app key", "admin token" -> assertThat(status).as(route.toString()).isEqualTo(401);
        case "none" -> assertThat(status).as(route.toString()).isNotIn(401, 403, 404, 405);
        default -> throw new AssertionError("unknown auth '" + route.auth() + "' in " + route);
      }
    }
  }

  private static List<Route> documented() throws Exception {
    List<Route> routes =
        Files.readAllLines(DOC).stream()
            .map(ROW::matcher)
            .filter(Matcher::matches)
            .map(m -> new Route(m.group(1), m.group(2), m.group(3).strip()))
            .toList();
    assertThat(routes).as("route rows in " + DOC).hasSizeGreaterThan(20);
    return routes;
  }
}
