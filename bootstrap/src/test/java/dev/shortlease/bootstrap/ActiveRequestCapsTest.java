package dev.shortlease.bootstrap;

import static dev.shortlease.application.testing.ScriptedChatModel.hang;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Module;
import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.port.out.FinishReason;
import dev.shortlease.application.port.out.ModelReply;
import dev.shortlease.application.port.out.ModelRequest;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.application.port.out.TokenSink;
import dev.shortlease.application.testing.ScriptedChatModel;
import dev.shortlease.domain.TokenUsage;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Active-request caps through the real server: an end user's and an app's running chats are capped
 * with Dify's 429, every ending frees the place, and {@code /suggested} is bounded in number and
 * time and stopped when its client leaves.
 */
class ActiveRequestCapsTest {
  private ShortleaseServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @DisplayName("200 concurrent streams of one user: 5 run, 195 get 429; stop and disconnect free")
  void endUserCap() throws Exception {
    ScriptedChatModel model = new ScriptedChatModel().otherwise(hang("thinking "));
    server = start(Map.of("END_USER_MAX_ACTIVE_REQUESTS", "5"), model);
    Api api = new Api(server);
    Api.AppKey app = api.createApp("chat");
    HttpClient client = HttpClient.newHttpClient();

    List<CompletableFuture<HttpResponse<InputStream>>> calls = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      calls.add(
          client.sendAsync(
              chatRequest(app.key(), "u", "q" + i), HttpResponse.BodyHandlers.ofInputStream()));
    }
    List<HttpResponse<InputStream>> running = new ArrayList<>();
    List<JsonNode> refusals = new ArrayList<>();
    for (var call : calls) {
      HttpResponse<InputStream> response = call.get(60, TimeUnit.SECONDS);
      if (response.statusCode() == 200) {
        running.add(response);
      } else {
        assertThat(response.statusCode()).isEqualTo(429);
        try (InputStream body = response.body()) {
          refusals.add(Api.JSON.readTree(body));
        }
      }
    }

    assertThat(running).hasSize(5);
    assertThat(refusals).hasSize(195);
    assertThat(refusals.getFirst().get("code").asText()).isEqualTo("rate_limit_error");
    assertThat(refusals.getFirst().get("status").asInt()).isEqualTo(429);
    assertThat(refusals.getFirst().get("message").asText())
        .isEqualTo(
            "Too many requests. Please try again later. The current maximum concurrent requests"
                + " allowed per end user is 5.");
    assertThat(conversations(api, app, "u")).as("a refused chat saves nothing").isEqualTo(5);
    assertThat(startChat(api, app, "someone-else").statusCode())
        .as("others are not capped")
        .isEqualTo(200);

    // A stop frees the place.
    JsonNode first = firstEvent(running.get(0));
    api.post(
        "/v1/chat-messages/" + first.get("task_id").asText() + "/stop",
        app.key(),
        "{\"user\":\"u\"}");
    running.get(0).body().readAllBytes();
    PoolProtectionTest.await(
        () -> startChat(api, app, "u").statusCode() == 200, "stop frees a place");

    // A disconnect frees the place (the server notices at its next write).
    running.get(1).body().close();
    PoolProtectionTest.await(
        () -> startChat(api, app, "u").statusCode() == 200, "disconnect frees a place");
  }

  @Test
  @DisplayName("an app's cap is set through the admin API, like Dify's app setting; 0 lifts it")
  void appCapThroughAdminApi() throws Exception {
    ScriptedChatModel model = new ScriptedChatModel().otherwise(hang("thinking "));
    server = start(Map.of(), model);
    Api api = new Api(server);
    Api.AppKey app = api.createApp("chat");

    Api.Reply bad =
        api.patch(
            "/admin/apps/" + app.id(), TestServers.ADMIN_TOKEN, "{\"max_active_requests\": -1}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.code()).isEqualTo("invalid_param");
    JsonNode patched =
        api.patch(
                "/admin/apps/" + app.id(), TestServers.ADMIN_TOKEN, "{\"max_active_requests\": 2}")
            .json();
    assertThat(patched.get("max_active_requests").asInt()).isEqualTo(2);

    List<HttpResponse<InputStream>> open = new ArrayList<>();
    open.add(startChat(api, app, "a"));
    open.add(startChat(api, app, "b"));
    HttpResponse<String> third =
        HttpClient.newHttpClient()
            .send(chatRequest(app.key(), "c", "third"), HttpResponse.BodyHandlers.ofString());
    assertThat(open).allSatisfy(response -> assertThat(response.statusCode()).isEqualTo(200));
    assertThat(third.statusCode()).isEqualTo(429);
    assertThat(third.body()).contains("\"code\":\"rate_limit_error\"").contains("allowed is 2.");

    api.patch("/admin/apps/" + app.id(), TestServers.ADMIN_TOKEN, "{\"max_active_requests\": 0}");
    assertThat(startChat(api, app, "c").statusCode()).as("0 = unlimited").isEqualTo(200);
    for (HttpResponse<InputStream> response : open) {
      response.body().close();
    }
  }

  @Test
  @DisplayName("100 concurrent /suggested make 3 model calls; their client leaving stops them")
  void suggestedIsBoundedAndStopsWhenTheClientLeaves() throws Exception {
    BlockingModel model = new BlockingModel();
    server =
        start(
            Map.of(
                "SIDE_CALLS_MAX", "3",
                "SIDE_CALL_TIMEOUT_MS", "60000",
                "END_USER_MAX_ACTIVE_REQUESTS", "0"),
            model);
    Api api = new Api(server);
    Api.AppKey app = api.createApp("chat");
    JsonNode answer =
        api.post("/v1/chat-messages", app.key(), Api.chat("u", "Hi", "blocking", null)).json();
    String path = "/v1/messages/" + answer.get("message_id").asText() + "/suggested?user=u";
    model.blockFromNowOn();

    List<RawRequest> requests = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      requests.add(RawRequest.get(server, path, app.key()));
    }
    PoolProtectionTest.await(
        () -> requests.stream().filter(RawRequest::answered).count() >= 97, "97 answers");
    List<RawRequest> refused = requests.stream().filter(RawRequest::answered).toList();
    List<RawRequest> waiting = requests.stream().filter(r -> !r.answered()).toList();
    assertThat(refused).allSatisfy(r -> assertThat(r.status()).isEqualTo(429));

    assertThat(model.blockedCalls).hasValue(3);
    assertThat(refused).hasSize(97);
    assertThat(refused.getFirst().body()).contains("\"code\":\"rate_limit_error\"");
    assertThat(waiting).hasSize(3);

    waiting.forEach(RawRequest::close);
    assertThat(model.stopped.await(10, TimeUnit.SECONDS))
        .as("the three model calls stopped once their clients left")
        .isTrue();
    assertThat(model.blockedCalls).as("no further model call").hasValue(3);
  }

  @Test
  @DisplayName("/suggested past its time limit: the model call is stopped, no suggestions")
  void suggestedHasATimeLimit() {
    BlockingModel model = new BlockingModel();
    server = start(Map.of("SIDE_CALL_TIMEOUT_MS", "500"), model);
    Api api = new Api(server);
    Api.AppKey app = api.createApp("chat");
    JsonNode answer =
        api.post("/v1/chat-messages", app.key(), Api.chat("u", "Hi", "blocking", null)).json();
    model.blockFromNowOn();

    Api.Reply reply =
        api.get(
            "/v1/messages/" + answer.get("message_id").asText() + "/suggested?user=u", app.key());

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.json().get("data")).isEmpty();
    assertThat(model.stopped.getCount()).as("stopped by the time limit").isLessThan(3);
  }

  private static ShortleaseServer start(Map<String, String> overrides, ChatModelPort model) {
    Module raw =
        binder -> binder.bind(ChatModelPort.class).annotatedWith(RawModel.class).toInstance(model);
    return ShortleaseServer.start(Settings.fromEnvironment(PoolProtectionTest.env(overrides)), raw);
  }

  private HttpRequest chatRequest(String key, String user, String query) {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + "/v1/chat-messages"))
        .header("Authorization", "Bearer " + key)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(Api.chat(user, query, "streaming", null)))
        .build();
  }

  private HttpResponse<InputStream> startChat(Api api, Api.AppKey app, String user) {
    try {
      HttpResponse<InputStream> response =
          HttpClient.newHttpClient()
              .send(
                  chatRequest(app.key(), user, "again"), HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        response.body().close();
      }
      return response;
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  private static JsonNode firstEvent(HttpResponse<InputStream> response) throws Exception {
    return Api.firstEvent(
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8)));
  }

  private static int conversations(Api api, Api.AppKey app, String user) {
    return api.get("/v1/conversations?user=" + user + "&limit=100", app.key())
        .json()
        .get("data")
        .size();
  }

  /** Answers "ok" until told to block: then each call waits for its stop signal. */
  private static final class BlockingModel implements ChatModelPort {
    final AtomicInteger blockedCalls = new AtomicInteger();
    final CountDownLatch stopped = new CountDownLatch(3);
    private volatile boolean block;

    void blockFromNowOn() {
      block = true;
    }

    @Override
    public ModelReply chat(ModelRequest request, TokenSink tokens, StopSignal stop) {
      if (!block) {
        tokens.accept("ok");
        return new ModelReply("ok", List.of(), TokenUsage.NONE, FinishReason.STOP);
      }
      blockedCalls.incrementAndGet();
      CountDownLatch signal = new CountDownLatch(1);
      stop.onRequest(signal::countDown);
      try {
        signal.await(2, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      stopped.countDown();
      return new ModelReply("Half a que", List.of(), TokenUsage.NONE, FinishReason.STOPPED);
    }
  }

  /** A GET over a plain socket, so the test can hang up mid-request. */
  private static final class RawRequest implements AutoCloseable {
    private final Socket socket;
    private final CompletableFuture<String> response;

    private RawRequest(Socket socket) {
      this.socket = socket;
      this.response =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                } catch (Exception e) {
                  return "";
                }
              },
              Thread.ofVirtual()::start);
    }

    static RawRequest get(ShortleaseServer server, String path, String key) throws Exception {
      Socket socket = new Socket("127.0.0.1", server.port());
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + path
                  + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                  + key
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new RawRequest(socket);
    }

    boolean answered() {
      return response.isDone();
    }

    int status() {
      return Integer.parseInt(response.join().substring(9, 12));
    }

    String body() {
      return response.join();
    }

    @Override
    public void close() {
      try {
        socket.close();
      } catch (Exception e) {
        // already closed
      }
    }
  }
}
