package dev.shortlease.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code page} and {@code limit} of each list, as clients see them: one parser ({@link
 * QueryParams}) reads them all, and each list keeps its own answers: ours refuse a {@code limit}
 * outside 1..100, the annotations list caps it at 100 (Dify: "Requests above 100 are capped at
 * 100"), the app feedbacks list serves 1..101 (Dify's maximum there).
 */
class ListPagingTest {
  @RegisterExtension final StubApi api = new StubApi();
  private final HttpClient client = HttpClient.newHttpClient();

  @ParameterizedTest(name = "annotations ?{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                  | 1 20",
        "page=&limit=        | 1 20",
        "page=3&limit=7      | 3 7",
        "limit=100           | 1 100",
        "limit=101           | 1 100",
        "limit=5000          | 1 100",
        "limit=2147483647    | 1 100",
        "page=1000000        | 1000000 20",
        "page=0              | page must be a positive integer",
        "page=-1             | page must be a positive integer",
        "page=x              | page must be a positive integer",
        "page=1.5            | page must be a positive integer",
        "page=1000001        | page must be between 1 and 1000000",
        "limit=0             | limit must be a positive integer",
        "limit=ten           | limit must be a positive integer",
        "limit=2147483648    | limit must be a positive integer",
        "page=0&limit=0      | page must be a positive integer",
        "page=1000001&limit=0 | limit must be a positive integer",
      })
  void annotations(String query, String expected) throws Exception {
    JsonNode body = check("/v1/apps/annotations?" + query, expected);
    if (body != null) {
      assertThat(body.get("page").asInt()).isEqualTo(api.stubs.listed.get().get(0));
      assertThat(body.get("limit").asInt()).isEqualTo(api.stubs.listed.get().get(1));
    }
  }

  @ParameterizedTest(name = "app feedbacks ?{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                  | 1 20",
        "page=&limit=        | 1 20",
        "page=2&limit=101    | 2 101",
        "page=1000000        | 1000000 20",
        "limit=102           | limit must be between 1 and 101",
        "limit=0             | limit must be between 1 and 101",
        "limit=-3            | limit must be between 1 and 101",
        "limit=ten           | limit must be an integer",
        "page=0              | page must be between 1 and 1000000",
        "page=1000001        | page must be between 1 and 1000000",
        "page=x              | page must be an integer",
        "page=0&limit=x      | limit must be an integer",
        "page=0&limit=0      | page must be between 1 and 1000000",
      })
  void appFeedbacks(String query, String expected) throws Exception {
    check("/v1/app/feedbacks?" + query, expected);
  }

  @ParameterizedTest(name = "conversations ?{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "''                  | 20",
        "limit=              | 20",
        "limit=1             | 1",
        "limit=100           | 100",
        "limit=101           | limit must be between 1 and 100",
        "limit=0             | limit must be between 1 and 100",
        "limit=ten           | limit must be an integer between 1 and 100",
        "limit=2147483648    | limit must be an integer between 1 and 100",
        // no parameter of Dify's (its ConversationListQuery has no pinned): ignored, any value
        "pinned=maybe        | 20",
        "pinned=&limit=5     | 5",
        "pinned=true         | 20",
      })
  void conversations(String query, String expected) throws Exception {
    check("/v1/conversations?user=u&" + query, expected);
  }

  /**
   * A 200 whose list port was asked for the space-separated numbers {@code expected}, or a 400
   * {@code invalid_param} with {@code expected} as its message; returns the 200's body.
   */
  private JsonNode check(String path, String expected) throws Exception {
    api.stubs.listed.set(null);
    HttpResponse<String> response = get(path);
    JsonNode body = Json.MAPPER.readTree(response.body());
    if (Character.isDigit(expected.charAt(0))) {
      assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
      assertThat(api.stubs.listed.get())
          .isEqualTo(Arrays.stream(expected.split(" ")).map(Integer::valueOf).toList());
      return body;
    }
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    assertThat(List.of(body.get("code").asText(), body.get("message").asText()))
        .containsExactly("invalid_param", expected);
    assertThat(api.stubs.listed.get()).as("nothing listed").isNull();
    return null;
  }

  private HttpResponse<String> get(String path) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
            .header("Authorization", "Bearer " + StubUseCases.CHAT_KEY)
            .GET()
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
