package ${package}.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import ${package}.application.port.in.AnswerQuestionUseCase;
import ${package}.application.port.in.AskQuestionUseCase;
import ${package}.application.port.in.OperationsUseCase;
import ${package}.domain.NotFoundException;
import ${package}.domain.Question;
import ${package}.domain.StorageUnavailableException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The HTTP contract, with the use cases replaced by in-memory ones. */
class HttpApiTest {
  private final Map<UUID, Question> questions = new ConcurrentHashMap<>();
  private final HttpClient client = HttpClient.newHttpClient();
  private boolean databaseReady = true;
  private volatile boolean databaseBusy;
  private HttpApi api;

  @BeforeEach
  void start() {
    AskQuestionUseCase ask =
        new AskQuestionUseCase() {
          @Override
          public Question ask(String text) {
            if (databaseBusy) {
              throw new StorageUnavailableException(
                  "no database connection within the pool's timeout",
                  new IllegalStateException("db - Connection is not available"));
            }
            Question question = Question.unanswered(UUID.randomUUID(), text);
            questions.put(question.id(), question);
            return question;
          }

          @Override
          public Question get(UUID id) {
            Question question = questions.get(id);
            if (question == null) {
              throw new NotFoundException("no question " + id);
            }
            return question;
          }
        };
    AnswerQuestionUseCase answer =
        id -> questions.computeIfPresent(id, (key, q) -> q.answered("because"));
    OperationsUseCase operations =
        new OperationsUseCase() {
          @Override
          public boolean ready() {
            return databaseReady;
          }

          @Override
          public String metrics() {
            return "up 1\n";
          }
        };
    api = new HttpApi(ask, answer, operations).start("127.0.0.1", 0);
  }

  @AfterEach
  void stop() {
    api.stop();
  }

  @Test
  void asksAnswersAndReadsAQuestion() throws Exception {
    HttpResponse<String> asked = send("POST", "/questions", "{\"text\": \"Why?\"}");
    assertThat(asked.statusCode()).isEqualTo(201);
    String id = asked.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

    HttpResponse<String> answered = send("POST", "/questions/" + id + "/answer", "");
    assertThat(answered.statusCode()).isEqualTo(200);
    assertThat(answered.body()).contains("\"answer\":\"because\"");

    assertThat(send("GET", "/questions/" + id, null).body()).contains("\"text\":\"Why?\"");
  }

  @Test
  void badInputAndUnknownIdsGetTheErrorShape() throws Exception {
    HttpResponse<String> noText = send("POST", "/questions", "{\"txt\": 1}");
    assertThat(noText.statusCode()).isEqualTo(400);
    assertThat(noText.body()).contains("\"code\":\"invalid_param\"").contains("\"status\":400");

    assertThat(send("POST", "/questions", "not json").statusCode()).isEqualTo(400);
    assertThat(send("GET", "/questions/not-a-uuid", null).statusCode()).isEqualTo(400);

    HttpResponse<String> unknown = send("GET", "/questions/" + UUID.randomUUID(), null);
    assertThat(unknown.statusCode()).isEqualTo(404);
    assertThat(unknown.body()).contains("\"code\":\"not_found\"");

    assertThat(send("GET", "/nowhere", null).body()).contains("\"code\":\"not_found\"");
  }

  @Test
  void probesAndMetrics() throws Exception {
    assertThat(send("GET", "/health/live", null).statusCode()).isEqualTo(200);
    assertThat(send("GET", "/health/ready", null).statusCode()).isEqualTo(200);
    assertThat(send("HEAD", "/health/ready", null).statusCode()).isEqualTo(200);
    databaseReady = false;
    assertThat(send("GET", "/health/ready", null).statusCode()).isEqualTo(503);
    assertThat(send("HEAD", "/health/ready", null).statusCode()).isEqualTo(503);
    assertThat(send("GET", "/metrics", null).body()).isEqualTo("up 1\n");
  }

  /** PersistenceSettings promises it: a pool timeout fails fast with a 503, never a 500. */
  @Test
  void aBusyDatabaseIs503WithRetryAfter() throws Exception {
    databaseBusy = true;

    HttpResponse<String> busy = send("POST", "/questions", "{\"text\": \"Now?\"}");

    assertThat(busy.statusCode()).isEqualTo(503);
    assertThat(busy.headers().firstValue("Retry-After")).contains("1");
    assertThat(busy.body())
        .contains("\"code\":\"service_unavailable\"")
        .contains("\"status\":503")
        .doesNotContain("Connection is not available");
  }

  private HttpResponse<String> send(String method, String path, String body) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", "application/json")
            .build();
    return client.send(request, HttpResponse.BodyHandlers.ofString());
  }
}
