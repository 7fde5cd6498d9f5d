package dev.shortlease.bootstrap;

import static dev.shortlease.application.testing.ScriptedChatModel.reply;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortlease.application.testing.ScriptedChatModel;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Annotations and annotation reply over real HTTP: every route, its errors in Dify's shape, and a
 * chat answered by an annotation with no model call (simulated embeddings, scripted chat model).
 */
class AnnotationsApiTest {
  private static final ScriptedChatModel MODEL = new ScriptedChatModel();
  private static ShortleaseServer server;
  private static Api api;

  @BeforeAll
  static void start() {
    MODEL.otherwise(reply("from", " the", " model"));
    server = TestServers.scripted(MODEL);
    api = new Api(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String annotation(String question, String answer) {
    return "{\"question\": \"" + question + "\", \"answer\": \"" + answer + "\"}";
  }

  private static JsonNode create(Api.AppKey app, String question, String answer) {
    Api.Reply created = api.post("/v1/apps/annotations", app.key(), annotation(question, answer));
    assertThat(created.status()).as(created.text()).isEqualTo(201);
    return created.json();
  }

  /** Starts the job and polls its status until it is no longer waiting or processing. */
  private static JsonNode runJob(Api.AppKey app, String action, double threshold)
      throws InterruptedException {
    Api.Reply started =
        api.post(
            "/v1/apps/annotation-reply/" + action,
            app.key(),
            "{\"score_threshold\": "
                + threshold
                + ", \"embedding_provider_name\": \"simulated\","
                + " \"embedding_model_name\": \"simulated\"}");
    assertThat(started.status()).as(started.text()).isEqualTo(200);
    String job = started.json().get("job_id").asText();
    assertThat(started.json().get("job_status").asText()).isIn("waiting", "processing");
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (System.nanoTime() < deadline) {
      JsonNode status =
          api.get("/v1/apps/annotation-reply/" + action + "/status/" + job, app.key()).json();
      assertThat(status.get("job_id").asText()).isEqualTo(job);
      if (!List.of("waiting", "processing").contains(status.get("job_status").asText())) {
        return status;
      }
      Thread.sleep(20);
    }
    throw new AssertionError("job " + job + " did not end");
  }

  private static JsonNode chat(Api.AppKey app, String query) {
    Api.Reply answer =
        api.post("/v1/chat-messages", app.key(), Api.chat("ann", query, "blocking", null));
    assertThat(answer.status()).as(answer.text()).isEqualTo(200);
    return answer.json();
  }

  @Test
  @DisplayName("create, list (page, limit, keyword), update and delete, in Dify's shapes")
  void crud() {
    Api.AppKey app = api.createApp("chat");
    JsonNode first = create(app, "What is shortlease?", "A Java service.");
    assertThat(first.get("id").asText()).hasSize(36);
    assertThat(first.get("question").asText()).isEqualTo("What is shortlease?");
    assertThat(first.get("answer").asText()).isEqualTo("A Java service.");
    assertThat(first.get("hit_count").asInt()).isZero();
    assertThat(first.get("created_at").isIntegralNumber()).isTrue();
    create(app, "How do I stop a stream?", "POST the task's stop route.");
    create(app, "100% sure?", "Yes.");

    JsonNode all = api.get("/v1/apps/annotations", app.key()).json();
    assertThat(all.get("total").asInt()).isEqualTo(3);
    assertThat(all.get("page").asInt()).isEqualTo(1);
    assertThat(all.get("limit").asInt()).isEqualTo(20);
    assertThat(all.get("has_more").asBoolean()).isFalse();
    assertThat(all.get("data").findValuesAsText("question"))
        .containsExactly("100% sure?", "How do I stop a stream?", "What is shortlease?");

    JsonNode pageTwo = api.get("/v1/apps/annotations?page=2&limit=2", app.key()).json();
    assertThat(pageTwo.get("data").findValuesAsText("question"))
        .containsExactly("What is shortlease?");
    assertThat(pageTwo.get("total").asInt()).isEqualTo(3);
    JsonNode fullPage = api.get("/v1/apps/annotations?page=1&limit=2", app.key()).json();
    assertThat(fullPage.get("has_more").asBoolean()).isTrue();
    assertThat(api.get("/v1/apps/annotations?limit=500", app.key()).json().get("limit").asInt())
        .as("above 100 is capped, as Dify documents")
        .isEqualTo(100);

    assertThat(
            api.get("/v1/apps/annotations?keyword=STREAM", app.key())
                .json()
                .get("data")
                .findValuesAsText("question"))
        .as("question or answer, case-insensitive")
        .containsExactly("How do I stop a stream?");
    assertThat(api.get("/v1/apps/annotations?keyword=java", app.key()).json().get("total").asInt())
        .isEqualTo(1);
    assertThat(api.get("/v1/apps/annotations?keyword=%25", app.key()).json().get("total").asInt())
        .as("% is taken literally")
        .isEqualTo(1);

    String id = first.get("id").asText();
    Api.Reply updated =
        api.put("/v1/apps/annotations/" + id, app.key(), annotation("What is it?", "A service."));
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("id").asText()).isEqualTo(id);
    assertThat(updated.json().get("question").asText()).isEqualTo("What is it?");
    assertThat(updated.json().get("answer").asText()).isEqualTo("A service.");

    Api.Reply deleted = api.delete("/v1/apps/annotations/" + id, app.key(), "{}");
    assertThat(deleted.status()).isEqualTo(204);
    assertThat(api.get("/v1/apps/annotations", app.key()).json().get("total").asInt()).isEqualTo(2);
  }

  @Test
  @DisplayName("bad input and missing annotations get Dify's errors and change nothing")
  void errors() throws InterruptedException {
    Api.AppKey app = api.createApp("chat");
    Api.AppKey other = api.createApp("chat");
    String id = create(app, "Mine?", "Yes.").get("id").asText();

    Api.Reply missingAnswer = api.post("/v1/apps/annotations", app.key(), "{\"question\": \"Q\"}");
    assertThat(missingAnswer.status()).isEqualTo(400);
    assertThat(missingAnswer.code()).isEqualTo("invalid_param");
    assertThat(missingAnswer.json().get("message").asText()).contains("answer");
    assertThat(missingAnswer.json().get("status").asInt()).isEqualTo(400);
    assertThat(api.post("/v1/apps/annotations", app.key(), annotation(" ", "A")).code())
        .isEqualTo("invalid_param");
    String tooLong = "x".repeat(2_001);
    assertThat(api.post("/v1/apps/annotations", app.key(), annotation(tooLong, "A")).status())
        .isEqualTo(400);
    assertThat(api.get("/v1/apps/annotations?limit=0", app.key()).code())
        .isEqualTo("invalid_param");
    assertThat(api.get("/v1/apps/annotations?page=x", app.key()).code()).isEqualTo("invalid_param");
    assertThat(api.put("/v1/apps/annotations/not-a-uuid", app.key(), annotation("Q", "A")).code())
        .isEqualTo("invalid_param");

    Api.Reply foreign =
        api.put("/v1/apps/annotations/" + id, other.key(), annotation("Theirs?", "No."));
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.json().get("code").asText()).isEqualTo("not_found");
    assertThat(foreign.json().get("message").asText()).isEqualTo("Annotation not found");
    assertThat(api.delete("/v1/apps/annotations/" + id, other.key(), "{}").status()).isEqualTo(404);
    assertThat(api.get("/v1/apps/annotations", other.key()).json().get("total").asInt()).isZero();
    assertThat(api.get("/v1/apps/annotations", app.key()).json().at("/data/0/question").asText())
        .isEqualTo("Mine?");
    assertThat(api.get("/v1/apps/annotations", "app-wrong").status()).isEqualTo(401);

    Api.Reply noThreshold =
        api.post(
            "/v1/apps/annotation-reply/enable",
            app.key(),
            "{\"embedding_provider_name\": \"p\", \"embedding_model_name\": \"m\"}");
    assertThat(noThreshold.code()).isEqualTo("invalid_param");
    assertThat(noThreshold.json().get("message").asText()).contains("score_threshold");
    assertThat(
            api.post(
                    "/v1/apps/annotation-reply/disable",
                    app.key(),
                    "{\"score_threshold\": 0.9, \"embedding_provider_name\": \"p\"}")
                .code())
        .as("Dify checks the whole body, disable included")
        .isEqualTo("invalid_param");
    assertThat(
            api.post(
                    "/v1/apps/annotation-reply/enable",
                    app.key(),
                    "{\"score_threshold\": 1.5, \"embedding_provider_name\": \"p\","
                        + " \"embedding_model_name\": \"m\"}")
                .code())
        .isEqualTo("invalid_param");
    Api.Reply badAction =
        api.post(
            "/v1/apps/annotation-reply/toggle",
            app.key(),
            "{\"score_threshold\": 0.9, \"embedding_provider_name\": \"p\","
                + " \"embedding_model_name\": \"m\"}");
    assertThat(badAction.code()).isEqualTo("invalid_param");

    Api.Reply unknownJob =
        api.get(
            "/v1/apps/annotation-reply/enable/status/" + java.util.UUID.randomUUID(), app.key());
    assertThat(unknownJob.status()).isEqualTo(400);
    assertThat(unknownJob.json().get("message").asText()).isEqualTo("The job does not exist.");

    String job = runJob(app, "enable", 0.9).get("job_id").asText();
    assertThat(api.get("/v1/apps/annotation-reply/disable/status/" + job, app.key()).code())
        .as("the job of another action")
        .isEqualTo("invalid_param");
    assertThat(api.get("/v1/apps/annotation-reply/enable/status/" + job, other.key()).code())
        .as("the job of another app")
        .isEqualTo("invalid_param");
  }

  @Test
  @DisplayName(
      "with reply enabled, a matching chat gets the annotation without a model call, saved like"
          + " any answer, counted as a hit; an unrelated one goes to the model")
  void annotationReply() throws InterruptedException {
    Api.AppKey app = api.createApp("chat");
    String id =
        create(app, "What is shortlease?", "A Java service for chat apps.").get("id").asText();
    create(app, "How do I stop a stream?", "POST the stop route.");

    int before = MODEL.requests().size();
    assertThat(chat(app, "What is shortlease?").get("answer").asText())
        .as("reply is off until enabled")
        .isEqualTo("from the model");

    assertThat(
            api.get("/v1/parameters", app.key()).json().at("/annotation_reply/enabled").asBoolean())
        .isFalse();
    JsonNode job = runJob(app, "enable", 0.9);
    assertThat(job.get("job_status").asText()).isEqualTo("completed");
    assertThat(
            api.get("/v1/parameters", app.key()).json().at("/annotation_reply/enabled").asBoolean())
        .isTrue();
    assertThat(job.get("error_msg").asText()).isEmpty();

    int calls = MODEL.requests().size();
    JsonNode hit = chat(app, "what is SHORTLEASE");
    assertThat(hit.get("answer").asText()).isEqualTo("A Java service for chat apps.");
    assertThat(hit.at("/metadata/annotation_reply/id").asText()).isEqualTo(id);
    assertThat(hit.at("/metadata/annotation_reply/account/name").asText()).isEqualTo("Dify user");
    assertThat(hit.at("/metadata/usage/total_tokens").asInt()).isZero();
    assertThat(MODEL.requests()).as("no model call").hasSize(calls);

    JsonNode saved =
        api.get(
                "/v1/messages?user=ann&conversation_id=" + hit.get("conversation_id").asText(),
                app.key())
            .json();
    assertThat(saved.at("/data/0/answer").asText()).isEqualTo("A Java service for chat apps.");
    assertThat(saved.at("/data/0/status").asText()).isEqualTo("normal");

    assertThat(chat(app, "Tell me a joke about databases").get("answer").asText())
        .isEqualTo("from the model");
    assertThat(chat(app, "Tell me a joke about databases").has("metadata")).isTrue();
    assertThat(MODEL.requests()).hasSize(calls + 2);

    JsonNode listed = api.get("/v1/apps/annotations?keyword=shortlease", app.key()).json();
    assertThat(listed.at("/data/0/hit_count").asInt()).isEqualTo(1);
    assertThat(before).isLessThan(calls);

    // created or changed while enabled: matched at once
    create(app, "Where are the docs?", "In docs/.");
    assertThat(chat(app, "where are the docs").get("answer").asText()).isEqualTo("In docs/.");
    api.put("/v1/apps/annotations/" + id, app.key(), annotation("Who wrote it?", "Helpers."));
    assertThat(chat(app, "What is shortlease?").get("answer").asText()).isEqualTo("from the model");
    assertThat(chat(app, "who wrote it").get("answer").asText()).isEqualTo("Helpers.");

    assertThat(runJob(app, "disable", 0.9).get("job_status").asText()).isEqualTo("completed");
    assertThat(chat(app, "who wrote it").get("answer").asText()).isEqualTo("from the model");
    assertThat(
            api.get("/admin/pool", TestServers.ADMIN_TOKEN).json().get("guard_violations").asInt())
        .as("no connection was held when an embedding started")
        .isZero();
  }

  @Test
  @DisplayName(
      "streamed as Dify's direct output: message events (agent apps too), then message_end with"
          + " annotation_reply")
  void streamedReply() throws InterruptedException {
    for (String mode : List.of("chat", "agent-chat")) {
      Api.AppKey app = api.createApp(mode);
      String id = create(app, "Opening hours?", "Nine to five.").get("id").asText();
      runJob(app, "enable", 0.95);
      int calls = MODEL.requests().size();

      List<JsonNode> events =
          api.post(
                  "/v1/chat-messages",
                  app.key(),
                  Api.chat("ann", "opening hours", "streaming", null))
              .events();
      List<JsonNode> text = events.subList(0, events.size() - 1);
      assertThat(text).allSatisfy(e -> assertThat(e.get("event").asText()).isEqualTo("message"));
      assertThat(text.stream().map(e -> e.get("answer").asText()).reduce("", String::concat))
          .isEqualTo("Nine to five.");
      assertThat(text).hasSize("Nine to five.".length());
      JsonNode end = events.getLast();
      assertThat(end.get("event").asText()).isEqualTo("message_end");
      assertThat(end.at("/metadata/annotation_reply/id").asText()).isEqualTo(id);
      assertThat(MODEL.requests()).as(mode + ": no model call").hasSize(calls);
    }
  }

  @Test
  @DisplayName("completion apps never get annotation replies (Dify: chat and agent-chat only)")
  void completionAppsGoToTheModel() throws InterruptedException {
    Api.AppKey app = api.createApp("completion");
    create(app, "Summarise this", "Annotated.");
    runJob(app, "enable", 0.5);
    Api.Reply answer =
        api.post(
            "/v1/completion-messages",
            app.key(),
            "{\"inputs\": {\"query\": \"Summarise this\"}, \"user\": \"ann\","
                + " \"response_mode\": \"blocking\"}");
    assertThat(answer.json().get("answer").asText()).isEqualTo("from the model");
  }

  @Test
  @DisplayName(
      "two instances on one database: a job started on one reports on the other, whose chats"
          + " then get the annotation")
  void anyInstanceAnswers() throws InterruptedException {
    String database = "jdbc:h2:mem:sl-shared-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    try (ShortleaseServer one = TestServers.simulated(java.util.Map.of("DATABASE_URL", database));
        ShortleaseServer two = TestServers.simulated(java.util.Map.of("DATABASE_URL", database))) {
      Api first = new Api(one);
      Api second = new Api(two);
      Api.AppKey app = first.createApp("chat");
      Api.Reply created =
          first.post("/v1/apps/annotations", app.key(), annotation("Is it open source?", "Yes."));
      assertThat(created.status()).isEqualTo(201);
      String job =
          first
              .post(
                  "/v1/apps/annotation-reply/enable",
                  app.key(),
                  "{\"score_threshold\": 0.9, \"embedding_provider_name\": \"simulated\","
                      + " \"embedding_model_name\": \"simulated\"}")
              .json()
              .get("job_id")
              .asText();
      String status = "";
      for (int i = 0; i < 200 && !status.equals("completed"); i++) {
        status =
            second
                .get("/v1/apps/annotation-reply/enable/status/" + job, app.key())
                .json()
                .get("job_status")
                .asText();
        Thread.sleep(20);
      }
      assertThat(status).isEqualTo("completed");
      Api.Reply answer =
          second.post(
              "/v1/chat-messages",
              app.key(),
              Api.chat("ann", "is it open source", "blocking", null));
      assertThat(answer.json().get("answer").asText()).isEqualTo("Yes.");
    }
  }
}
