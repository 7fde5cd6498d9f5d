package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every Service API route, answered by the real server, against Dify's OpenAPI and our stricter
 * schema ({@link DifyContract}). One case per answer worth checking: each success, and the errors a
 * client meets. A route under {@code /v1} without a success case here fails {@link
 * #everyRouteHasASuccessCase()}: adding an endpoint means adding its cases (and, for a route Dify
 * documents no schema for, its schema in shortlease-strict.openapi.json).
 */
class CompatOpenApiTest {
  private static final String USER = "contract-user";
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 26, '\n', 1, 2, 3};
  private static final String ANNOTATION =
      "{\"question\":\"What is shortlease?\",\"answer\":\"A service.\"}";
  private static final String REPLY_SETTINGS =
      "{\"score_threshold\":0.9,\"embedding_provider_name\":\"simulated\","
          + "\"embedding_model_name\":\"simulated\"}";
  private static ShortleaseServer server;
  private static Fixture fixture;
  private static final DifyContract CONTRACT = new DifyContract();

  /** One request and the status it must get; the reply must conform to the route's contract. */
  record Case(String route, int status, String name, Function<Fixture, Api.Reply> call) {}

  /** The apps and helpers the cases share. */
  record Fixture(Api api, String chat, String agent, String completion) {
    /** An answer of the chat app, rated "like". */
    void liked() {
      api.post(
          "/v1/messages/" + message() + "/feedbacks",
          chat,
          "{\"rating\":\"like\",\"user\":\"" + USER + "\",\"content\":\"good\"}");
    }

    /** A new annotation of the chat app; its ID. */
    String annotation() {
      return api.post("/v1/apps/annotations", chat, ANNOTATION).json().get("id").asText();
    }

    /** The key of a new chat app that declares a conversation variable. */
    String variables() {
      Api.Reply created =
          api.post(
              "/admin/apps",
              TestServers.ADMIN_TOKEN,
              "{\"name\":\"variables\",\"mode\":\"chat\",\"conversation_variables\":"
                  + "[{\"name\":\"mood\",\"value_type\":\"string\",\"value\":\"calm\","
                  + "\"description\":\"how it goes\"}]}");
      assertThat(created.status()).as(created.text()).isEqualTo(201);
      return created.json().get("api_key").asText();
    }

    /** A new conversation of the app {@code key}. */
    String conversationOf(String key) {
      return api.post("/v1/chat-messages", key, Api.chat(USER, "Hello", "blocking", null))
          .json()
          .get("conversation_id")
          .asText();
    }

    Api.Reply put(String path, String key, String json) {
      try {
        HttpResponse<String> response =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/json")
                        .PUT(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                    HttpResponse.BodyHandlers.ofString());
        return new Api.Reply(response.statusCode(), response);
      } catch (IOException | InterruptedException e) {
        throw new AssertionError(e);
      }
    }

    /** The key of a new chat app that takes images and has speech in both directions on. */
    String media() {
      Api.AppKey app = api.createApp("chat");
      api.updateApp(
          app,
          "{\"file_upload\":{\"enabled\":true,\"allowed_file_types\":[\"image\"],"
              + "\"allowed_file_upload_methods\":[\"local_file\"],\"number_limits\":1},"
              + "\"speech_to_text\":{\"enabled\":true},\"text_to_speech\":{\"enabled\":true}}");
      return app.key();
    }

    /** An image uploaded by {@link #USER} to the app {@code key}; its ID. */
    String uploaded(String key) {
      Api.Reply reply = multipart("/v1/files/upload", key, imagePart());
      assertThat(reply.status()).as(reply.text()).isEqualTo(201);
      return reply.json().get("id").asText();
    }

    static List<Multipart.Part> imagePart() {
      return List.of(
          Multipart.Part.file("file", "cat.png", "image/png", PNG),
          Multipart.Part.field("user", USER));
    }

    Api.Reply multipart(String path, String key, List<Multipart.Part> parts) {
      return send(
          HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
              .header("Authorization", "Bearer " + key)
              .header("Content-Type", Multipart.contentType())
              .POST(HttpRequest.BodyPublishers.ofByteArray(Multipart.body(parts))));
    }

    /** A binary answer read as text: the contract checks its status and media type only. */
    Api.Reply send(HttpRequest.Builder request) {
      try {
        HttpResponse<String> response =
            HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Api.Reply(response.statusCode(), response);
      } catch (IOException | InterruptedException e) {
        throw new AssertionError(e);
      }
    }

    /**
     * The key of a new chat app with one annotation ({@link #ANNOTATION}) and annotation reply
     * enabled, its enable job completed.
     */
    String annotated() {
      String key = api.createApp("chat").key();
      api.post("/v1/apps/annotations", key, ANNOTATION);
      String job =
          api.post("/v1/apps/annotation-reply/enable", key, REPLY_SETTINGS)
              .json()
              .get("job_id")
              .asText();
      long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
      while (System.nanoTime() < deadline) {
        String status =
            api.get("/v1/apps/annotation-reply/enable/status/" + job, key)
                .json()
                .get("job_status")
                .asText();
        if (status.equals("completed")) {
          return key;
        }
        assertThat(status).isIn("waiting", "processing");
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          throw new AssertionError(e);
        }
      }
      throw new AssertionError("enable job " + job + " did not end");
    }

    /** {@code reply}, after checking it is the annotation's answer, not the model's. */
    static Api.Reply fromTheAnnotation(Api.Reply reply) {
      assertThat(reply.text()).as("answered by the annotation").contains("\"annotation_reply\"");
      return reply;
    }

    /** A new conversation's first answer (blocking), in the chat app. */
    JsonNode answered() {
      return api.post("/v1/chat-messages", chat, Api.chat(USER, "Hello", "blocking", null)).json();
    }

    String conversation() {
      return answered().get("conversation_id").asText();
    }

    String message() {
      return answered().get("message_id").asText();
    }
  }

  static List<Case> cases() {
    String unknown = UUID.randomUUID().toString();
    return List.of(
        // chat
        new Case(
            "POST /v1/chat-messages",
            200,
            "chat, blocking",
            f ->
                f.api()
                    .post("/v1/chat-messages", f.chat(), Api.chat(USER, "Hi", "blocking", null))),
        new Case(
            "POST /v1/chat-messages",
            200,
            "chat, streaming",
            f ->
                f.api()
                    .post("/v1/chat-messages", f.chat(), Api.chat(USER, "Hi", "streaming", null))),
        new Case(
            "POST /v1/chat-messages",
            200,
            "agent with a tool call, streaming",
            f ->
                f.api()
                    .post(
                        "/v1/chat-messages",
                        f.agent(),
                        Api.chat(USER, "What time is it? Use current_time", "streaming", null))),
        new Case(
            "POST /v1/chat-messages",
            200,
            "an uploaded image, streaming (message_end lists it)",
            f -> {
              String key = f.media();
              String file = f.uploaded(key);
              String chat = Api.chat(USER, "What is this?", "streaming", null);
              Api.Reply reply =
                  f.api()
                      .post(
                          "/v1/chat-messages",
                          key,
                          chat.substring(0, chat.length() - 1)
                              + ",\"files\":[{\"type\":\"image\",\"transfer_method\":"
                              + "\"local_file\",\"upload_file_id\":\""
                              + file
                              + "\"}]}");
              assertThat(reply.text()).as("message_end lists the file").contains(file);
              return reply;
            }),
        new Case(
            "POST /v1/chat-messages",
            200,
            "answered by an annotation, blocking",
            f ->
                Fixture.fromTheAnnotation(
                    f.api()
                        .post(
                            "/v1/chat-messages",
                            f.annotated(),
                            Api.chat(USER, "What is shortlease?", "blocking", null)))),
        new Case(
            "POST /v1/chat-messages",
            200,
            "answered by an annotation, streaming",
            f ->
                Fixture.fromTheAnnotation(
                    f.api()
                        .post(
                            "/v1/chat-messages",
                            f.annotated(),
                            Api.chat(USER, "What is shortlease?", "streaming", null)))),
        new Case(
            "POST /v1/chat-messages",
            400,
            "no query",
            f ->
                f.api()
                    .post(
                        "/v1/chat-messages",
                        f.chat(),
                        "{\"inputs\":{},\"user\":\""
                            + USER
                            + "\",\"response_mode\":\"blocking\"}")),
        new Case(
            "POST /v1/chat-messages",
            404,
            "an unknown conversation",
            f ->
                f.api()
                    .post(
                        "/v1/chat-messages", f.chat(), Api.chat(USER, "Hi", "blocking", unknown))),
        new Case(
            "POST /v1/chat-messages",
            401,
            "a wrong key",
            f ->
                f.api()
                    .post(
                        "/v1/chat-messages", "app-wrong", Api.chat(USER, "Hi", "blocking", null))),
        new Case(
            "POST /v1/chat-messages/{task_id}/stop",
            200,
            "a task that is not running",
            f ->
                f.api()
                    .post(
                        "/v1/chat-messages/" + unknown + "/stop",
                        f.chat(),
                        "{\"user\":\"" + USER + "\"}")),
        // completion
        new Case(
            "POST /v1/completion-messages",
            200,
            "blocking",
            f -> f.api().post("/v1/completion-messages", f.completion(), completion("blocking"))),
        new Case(
            "POST /v1/completion-messages",
            200,
            "streaming",
            f -> f.api().post("/v1/completion-messages", f.completion(), completion("streaming"))),
        new Case(
            "POST /v1/completion-messages",
            400,
            "a chat app",
            f -> f.api().post("/v1/completion-messages", f.chat(), completion("blocking"))),
        new Case(
            "POST /v1/completion-messages/{task_id}/stop",
            200,
            "a task that is not running",
            f ->
                f.api()
                    .post(
                        "/v1/completion-messages/" + unknown + "/stop",
                        f.completion(),
                        "{\"user\":\"" + USER + "\"}")),
        // messages
        new Case(
            "GET /v1/messages",
            200,
            "a conversation's messages",
            f ->
                f.api()
                    .get(
                        "/v1/messages?user=" + USER + "&conversation_id=" + f.conversation(),
                        f.chat())),
        new Case(
            "GET /v1/messages",
            200,
            "an agent conversation's messages, with thoughts",
            f -> {
              String conversation =
                  f.api()
                      .post(
                          "/v1/chat-messages",
                          f.agent(),
                          Api.chat(USER, "What time is it? Use current_time", "streaming", null))
                      .events()
                      .getLast()
                      .get("conversation_id")
                      .asText();
              return f.api()
                  .get("/v1/messages?user=" + USER + "&conversation_id=" + conversation, f.agent());
            }),
        new Case(
            "GET /v1/messages",
            404,
            "an unknown conversation",
            f ->
                f.api().get("/v1/messages?user=" + USER + "&conversation_id=" + unknown, f.chat())),
        new Case(
            "POST /v1/messages/{message_id}/feedbacks",
            200,
            "like",
            f ->
                f.api()
                    .post(
                        "/v1/messages/" + f.message() + "/feedbacks",
                        f.chat(),
                        "{\"rating\":\"like\",\"user\":\"" + USER + "\"}")),
        new Case(
            "POST /v1/messages/{message_id}/feedbacks",
            404,
            "an unknown message",
            f ->
                f.api()
                    .post(
                        "/v1/messages/" + unknown + "/feedbacks",
                        f.chat(),
                        "{\"rating\":\"like\",\"user\":\"" + USER + "\"}")),
        new Case(
            "GET /v1/messages/{message_id}/suggested",
            200,
            "questions",
            f -> f.api().get("/v1/messages/" + f.message() + "/suggested?user=" + USER, f.chat())),
        new Case(
            "GET /v1/messages/{message_id}/suggested",
            404,
            "an unknown message",
            f -> f.api().get("/v1/messages/" + unknown + "/suggested?user=" + USER, f.chat())),
        // conversations
        new Case(
            "GET /v1/conversations",
            200,
            "a user's conversations",
            f -> {
              f.conversation();
              return f.api().get("/v1/conversations?user=" + USER + "&limit=5", f.chat());
            }),
        new Case(
            "POST /v1/conversations/{conversation_id}/name",
            200,
            "rename",
            f ->
                f.api()
                    .post(
                        "/v1/conversations/" + f.conversation() + "/name",
                        f.chat(),
                        "{\"name\":\"Renamed\",\"user\":\"" + USER + "\"}")),
        new Case(
            "POST /v1/conversations/{conversation_id}/name",
            404,
            "an unknown conversation",
            f ->
                f.api()
                    .post(
                        "/v1/conversations/" + unknown + "/name",
                        f.chat(),
                        "{\"name\":\"Renamed\",\"user\":\"" + USER + "\"}")),
        new Case(
            "DELETE /v1/conversations/{conversation_id}",
            204,
            "delete",
            f ->
                f.api()
                    .delete(
                        "/v1/conversations/" + f.conversation(),
                        f.chat(),
                        "{\"user\":\"" + USER + "\"}")),
        new Case(
            "DELETE /v1/conversations/{conversation_id}",
            404,
            "an unknown conversation",
            f ->
                f.api()
                    .delete(
                        "/v1/conversations/" + unknown, f.chat(), "{\"user\":\"" + USER + "\"}")),
        // the app
        new Case(
            "GET /v1/parameters", 200, "chat app", f -> f.api().get("/v1/parameters", f.chat())),
        new Case(
            "GET /v1/parameters",
            200,
            "completion app",
            f -> f.api().get("/v1/parameters", f.completion())),
        new Case("GET /v1/info", 200, "agent app", f -> f.api().get("/v1/info", f.agent())),
        new Case("GET /v1/meta", 200, "agent app", f -> f.api().get("/v1/meta", f.agent())),
        // the app's other reads (forms change)
        new Case("GET /v1/", 200, "the greeting, without a key", f -> f.api().get("/v1/", null)),
        new Case("GET /v1/site", 200, "chat app", f -> f.api().get("/v1/site", f.chat())),
        new Case("GET /v1/site", 401, "no key", f -> f.api().get("/v1/site", null)),
        new Case(
            "GET /v1/app/feedbacks",
            200,
            "a rated answer",
            f -> {
              f.liked();
              return f.api().get("/v1/app/feedbacks?limit=5", f.chat());
            }),
        new Case(
            "GET /v1/end-users/{end_user_id}",
            200,
            "the user who rated",
            f -> {
              f.liked();
              String user =
                  f.api()
                      .get("/v1/app/feedbacks", f.chat())
                      .json()
                      .at("/data/0/from_end_user_id")
                      .asText();
              return f.api().get("/v1/end-users/" + user, f.chat());
            }),
        new Case(
            "GET /v1/end-users/{end_user_id}",
            404,
            "an unknown user",
            f -> f.api().get("/v1/end-users/" + unknown, f.chat())),
        new Case(
            "GET /v1/conversations/{conversation_id}/variables",
            200,
            "declared variables",
            f -> {
              String key = f.variables();
              return f.api()
                  .get(
                      "/v1/conversations/" + f.conversationOf(key) + "/variables?user=" + USER,
                      key);
            }),
        new Case(
            "GET /v1/conversations/{conversation_id}/variables",
            404,
            "an unknown conversation",
            f -> f.api().get("/v1/conversations/" + unknown + "/variables?user=" + USER, f.chat())),
        new Case(
            "PUT /v1/conversations/{conversation_id}/variables/{variable_id}",
            200,
            "a value of the variable's type",
            f -> {
              String key = f.variables();
              String conversation = f.conversationOf(key);
              String variable =
                  f.api()
                      .get("/v1/conversations/" + conversation + "/variables?user=" + USER, key)
                      .json()
                      .at("/data/0/id")
                      .asText();
              return f.put(
                  "/v1/conversations/" + conversation + "/variables/" + variable,
                  key,
                  "{\"value\":\"stormy\",\"user\":\"" + USER + "\"}");
            }),
        // annotations
        new Case(
            "POST /v1/apps/annotations",
            201,
            "create",
            f -> f.api().post("/v1/apps/annotations", f.chat(), ANNOTATION)),
        new Case(
            "POST /v1/apps/annotations",
            400,
            "no answer",
            f -> f.api().post("/v1/apps/annotations", f.chat(), "{\"question\":\"Q\"}")),
        new Case(
            "GET /v1/apps/annotations",
            200,
            "a page",
            f -> {
              f.annotation();
              return f.api().get("/v1/apps/annotations?page=1&limit=5", f.chat());
            }),
        new Case(
            "PUT /v1/apps/annotations/{annotation_id}",
            200,
            "update",
            f ->
                f.put(
                    "/v1/apps/annotations/" + f.annotation(),
                    f.chat(),
                    "{\"question\":\"What is it?\",\"answer\":\"A service.\"}")),
        new Case(
            "PUT /v1/apps/annotations/{annotation_id}",
            404,
            "an unknown annotation",
            f -> f.put("/v1/apps/annotations/" + unknown, f.chat(), ANNOTATION)),
        new Case(
            "DELETE /v1/apps/annotations/{annotation_id}",
            204,
            "delete",
            f -> f.api().delete("/v1/apps/annotations/" + f.annotation(), f.chat(), "{}")),
        new Case(
            "DELETE /v1/apps/annotations/{annotation_id}",
            404,
            "an unknown annotation",
            f -> f.api().delete("/v1/apps/annotations/" + unknown, f.chat(), "{}")),
        new Case(
            "POST /v1/apps/annotation-reply/{action}",
            200,
            "enable",
            f -> f.api().post("/v1/apps/annotation-reply/enable", f.chat(), REPLY_SETTINGS)),
        new Case(
            "GET /v1/apps/annotation-reply/{action}/status/{job_id}",
            200,
            "the job's status",
            f -> {
              String job =
                  f.api()
                      .post("/v1/apps/annotation-reply/enable", f.chat(), REPLY_SETTINGS)
                      .json()
                      .get("job_id")
                      .asText();
              return f.api().get("/v1/apps/annotation-reply/enable/status/" + job, f.chat());
            }),
        new Case(
            "GET /v1/apps/annotation-reply/{action}/status/{job_id}",
            400,
            "an unknown job",
            f -> f.api().get("/v1/apps/annotation-reply/enable/status/" + unknown, f.chat())),
        // files and audio
        new Case(
            "POST /v1/files/upload",
            201,
            "an image",
            f -> f.multipart("/v1/files/upload", f.media(), Fixture.imagePart())),
        new Case(
            "POST /v1/files/upload",
            400,
            "no file",
            f ->
                f.multipart(
                    "/v1/files/upload", f.media(), List.of(Multipart.Part.field("user", USER)))),
        new Case(
            "GET /v1/files/{file_id}/preview",
            200,
            "the owner's image",
            f -> {
              String key = f.media();
              String file = f.uploaded(key);
              return f.send(
                  HttpRequest.newBuilder(
                          URI.create(
                              server.baseUrl() + "/v1/files/" + file + "/preview?user=" + USER))
                      .header("Authorization", "Bearer " + key));
            }),
        new Case(
            "GET /v1/files/{file_id}/preview",
            404,
            "an unknown file",
            f -> f.api().get("/v1/files/" + unknown + "/preview?user=" + USER, f.chat())),
        new Case(
            "POST /v1/audio-to-text",
            200,
            "an mp3",
            f ->
                f.multipart(
                    "/v1/audio-to-text",
                    f.media(),
                    List.of(
                        Multipart.Part.file("file", "q.mp3", "audio/mp3", "ID3-fake".getBytes()),
                        Multipart.Part.field("user", USER)))),
        new Case(
            "POST /v1/text-to-audio",
            200,
            "a sentence",
            f ->
                f.api()
                    .post(
                        "/v1/text-to-audio",
                        f.media(),
                        "{\"text\":\"Hello there\",\"user\":\"" + USER + "\"}")),
        new Case(
            "POST /v1/text-to-audio",
            400,
            "text to speech off",
            f ->
                f.api()
                    .post(
                        "/v1/text-to-audio",
                        f.chat(),
                        "{\"text\":\"Hello there\",\"user\":\"" + USER + "\"}")));
  }

  private static String completion(String mode) {
    return "{\"inputs\":{\"query\":\"Write a haiku\"},\"response_mode\":\""
        + mode
        + "\",\"user\":\""
        + USER
        + "\"}";
  }

  @BeforeAll
  static void start() {
    server = TestServers.simulated(Map.of());
    Api api = new Api(server);
    fixture =
        new Fixture(
            api,
            api.createApp("chat").key(),
            api.createApp("agent-chat").key(),
            api.createApp("completion").key());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** Every case, each a route this build serves ({@link #everyCaseIsARoute()}). */
  @TestFactory
  Stream<DynamicTest> everyCaseConformsToDifysContractAndOurs() {
    return cases().stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.route() + " " + c.status() + ", " + c.name(),
                    () -> {
                      Api.Reply reply = c.call().apply(fixture);
                      assertThat(reply.status()).as(reply.text()).isEqualTo(c.status());
                      assertThat(CONTRACT.violations(c.route(), reply)).isEmpty();
                    }));
  }

  @Test
  @DisplayName("every /v1 route the server serves has a success case here")
  void everyRouteHasASuccessCase() {
    Set<String> covered =
        cases().stream().filter(c -> c.status() < 300).map(Case::route).collect(Collectors.toSet());
    List<String> uncovered =
        server.routes().stream()
            .filter(r -> r.contains(" /v1/"))
            .filter(r -> !covered.contains(r))
            .toList();
    assertThat(uncovered)
        .as("routes without an OpenAPI validation case in CompatOpenApiTest.cases()")
        .isEmpty();
  }

  /**
   * A case of a route the server does not serve would run against a 404 or 405; it names a typo, or
   * an endpoint that was removed (issue 15 requires each of them).
   */
  @Test
  @DisplayName("every case names a route the server serves and an OpenAPI document describes")
  void everyCaseIsARoute() {
    List<String> served = server.routes();
    assertThat(cases().stream().map(Case::route).distinct())
        .allSatisfy(
            route ->
                assertThat(served.contains(route) && CONTRACT.documents(route))
                    .as(
                        route
                            + " is not served (a typo, or a removed endpoint?), or neither"
                            + " Dify's OpenAPI nor ours documents it")
                    .isTrue());
  }
}
