package dev.shortlease.bootstrap;

import static dev.shortlease.application.testing.ScriptedChatModel.reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortlease.application.port.out.EmbeddingModelPort;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.application.testing.ScriptedChatModel;
import dev.shortlease.domain.EmbeddingVector;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Annotation reply jobs with an embedding model the test controls (bound in place of the real one,
 * still guarded): a second enable while one runs, and a job whose embedding model fails.
 */
class AnnotationJobsTest {
  private static final AtomicReference<CountDownLatch> GATE =
      new AtomicReference<>(new CountDownLatch(0));
  private static final AtomicReference<RuntimeException> FAILURE = new AtomicReference<>();
  private static ShortleaseServer server;
  private static Api api;

  /** Waits at the gate, then fails or answers one constant vector per text. */
  private static final EmbeddingModelPort CONTROLLED =
      new EmbeddingModelPort() {
        @Override
        public String modelKey(String model) {
          return "controlled";
        }

        @Override
        public List<EmbeddingVector> embed(String model, List<String> texts) {
          try {
            GATE.get().await(10, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          if (FAILURE.get() != null) {
            throw FAILURE.get();
          }
          return texts.stream().map(t -> new EmbeddingVector(new float[] {1, 0})).toList();
        }
      };

  @BeforeAll
  static void start() {
    server =
        TestServers.scripted(
            new ScriptedChatModel().otherwise(reply("model")),
            binder -> binder.bind(EmbeddingModelPort.class).toInstance(CONTROLLED));
    api = new Api(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static final String BODY =
      "{\"score_threshold\": 0.9, \"embedding_provider_name\": \"p\","
          + " \"embedding_model_name\": \"m\"}";

  private static JsonNode awaitEnd(Api.AppKey app, String job) throws InterruptedException {
    for (int i = 0; i < 500; i++) {
      JsonNode status = api.get("/v1/apps/annotation-reply/enable/status/" + job, app.key()).json();
      if (!List.of("waiting", "processing").contains(status.get("job_status").asText())) {
        return status;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("job did not end");
  }

  @Test
  @DisplayName("a second enable while one runs returns the running job as processing (Dify)")
  void secondEnableJoinsTheRunningJob() throws InterruptedException {
    Api.AppKey app = api.createApp("chat");
    api.post("/v1/apps/annotations", app.key(), "{\"question\": \"Q?\", \"answer\": \"A.\"}");
    CountDownLatch gate = new CountDownLatch(1);
    GATE.set(gate);
    try {
      JsonNode first = api.post("/v1/apps/annotation-reply/enable", app.key(), BODY).json();
      assertThat(first.get("job_status").asText()).isEqualTo("waiting");
      JsonNode second = api.post("/v1/apps/annotation-reply/enable", app.key(), BODY).json();
      assertThat(second.get("job_id").asText()).isEqualTo(first.get("job_id").asText());
      assertThat(second.get("job_status").asText()).isEqualTo("processing");
      assertThat(
              api.get(
                      "/v1/apps/annotation-reply/enable/status/" + first.get("job_id").asText(),
                      app.key())
                  .json()
                  .get("job_status")
                  .asText())
          .isIn("waiting", "processing");
    } finally {
      gate.countDown();
      GATE.set(new CountDownLatch(0));
    }
    JsonNode done =
        awaitEnd(
            app,
            api.post("/v1/apps/annotation-reply/enable", app.key(), BODY)
                .json()
                .get("job_id")
                .asText());
    assertThat(done.get("job_status").asText()).isEqualTo("completed");
  }

  @Test
  @DisplayName(
      "a failing embedding model ends the job as error with a fixed message, and reply stays off;"
          + " a failing query embedding sends the chat to the model")
  void failures() throws InterruptedException {
    Api.AppKey app = api.createApp("chat");
    api.post("/v1/apps/annotations", app.key(), "{\"question\": \"Q?\", \"answer\": \"A.\"}");
    FAILURE.set(
        new ModelException(
            ModelErrorKind.NOT_CONFIGURED, "p at llm.internal rejected the model m (HTTP 401)"));
    try {
      String job =
          api.post("/v1/apps/annotation-reply/enable", app.key(), BODY)
              .json()
              .get("job_id")
              .asText();
      JsonNode failed = awaitEnd(app, job);
      assertThat(failed.get("job_status").asText()).isEqualTo("error");
      assertThat(failed.get("error_msg").asText())
          .as("the kind's fixed sentence and the job's ID, never the provider's words")
          .isEqualTo(
              "The embedding model provider rejected the credentials or the model. The service"
                  + " log has the details under job "
                  + job
                  + ".");
      assertThat(
              api.get("/v1/parameters", app.key())
                  .json()
                  .at("/annotation_reply/enabled")
                  .asBoolean())
          .isFalse();
    } finally {
      FAILURE.set(null);
    }

    assertThat(
            awaitEnd(
                    app,
                    api.post("/v1/apps/annotation-reply/enable", app.key(), BODY)
                        .json()
                        .get("job_id")
                        .asText())
                .get("job_status")
                .asText())
        .isEqualTo("completed");
    FAILURE.set(new ModelException(ModelErrorKind.REQUEST_FAILED, "down"));
    try {
      Api.Reply answer =
          api.post("/v1/chat-messages", app.key(), Api.chat("u", "Q?", "blocking", null));
      assertThat(answer.status()).isEqualTo(200);
      assertThat(answer.json().get("answer").asText()).isEqualTo("model");
    } finally {
      FAILURE.set(null);
    }
    assertThat(
            api.post("/v1/chat-messages", app.key(), Api.chat("u", "Q?", "blocking", null))
                .json()
                .get("answer")
                .asText())
        .isEqualTo("A.");
  }
}
