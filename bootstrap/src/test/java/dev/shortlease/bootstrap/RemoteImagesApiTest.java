package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.shortlease.adapter.llm.wire.FakeLlmServer;
import dev.shortlease.adapter.llm.wire.OllamaWire;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * End to end with {@code LLM_PROVIDER=ollama} and {@code LLM_VISION=true}: an image sent by URL is
 * downloaded by the service (no connection held) and reaches Ollama inline, in its {@code images};
 * with the default settings a URL on this host is refused, the client gets Dify's {@code
 * invalid_param} in the stream or as the blocking answer, and the message is saved as an error.
 */
@DisplayName("Remote images reach an Ollama model as base64, fetched safely")
class RemoteImagesApiTest {
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 26, '\n', 7, 8, 9};
  private final FakeLlmServer ollama = new FakeLlmServer();
  private final AtomicInteger imageRequests = new AtomicInteger();
  private final CountDownLatch slowStarted = new CountDownLatch(1);
  private final CountDownLatch slowHungUp = new CountDownLatch(1);
  private HttpServer images;
  private ShortleaseServer server;

  @BeforeEach
  void startImages() throws Exception {
    images = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    images.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    images.createContext("/slow.png", this::drip);
    images.createContext(
        "/",
        exchange -> {
          imageRequests.incrementAndGet();
          exchange.getResponseHeaders().set("Content-Type", "image/png");
          exchange.sendResponseHeaders(200, PNG.length);
          exchange.getResponseBody().write(PNG);
          exchange.close();
        });
    images.start();
  }

  /** An image that arrives a byte every 50 ms for 30 s, noting when the downloader hangs up. */
  private void drip(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getResponseHeaders().set("Content-Type", "image/png");
      exchange.sendResponseHeaders(200, 0);
      OutputStream out = exchange.getResponseBody();
      out.write(PNG);
      out.flush();
      slowStarted.countDown();
      for (int i = 0; i < 600; i++) {
        Thread.sleep(50);
        out.write(0);
        out.flush();
      }
    } catch (IOException | InterruptedException e) {
      slowHungUp.countDown();
    }
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
    images.stop(0);
    ollama.close();
  }

  private Api start(Map<String, String> overrides) {
    Map<String, String> env = TestServers.env();
    env.put("LLM_PROVIDER", "ollama");
    env.put("LLM_BASE_URL", ollama.baseUrl());
    env.put("LLM_MODEL", "llava");
    env.put("LLM_VISION", "true");
    env.putAll(overrides);
    server = ShortleaseServer.start(Settings.fromEnvironment(env));
    return new Api(server);
  }

  private String imageUrl(String path) {
    return "http://127.0.0.1:" + images.getAddress().getPort() + path + "?sig=secret";
  }

  private Api.AppKey appWithImages(Api api) {
    Api.AppKey app = api.createApp("chat");
    api.updateApp(
        app,
        "{\"file_upload\":{\"enabled\":true,\"allowed_file_types\":[\"image\"],"
            + "\"allowed_file_upload_methods\":[\"remote_url\"],\"number_limits\":2}}");
    return app;
  }

  private String chat(String mode) {
    return chat(mode, "/cat.png");
  }

  private String chat(String mode, String imagePath) {
    String chat = Api.chat("alice", "What is this?", mode, null);
    return chat.substring(0, chat.length() - 1)
        + ",\"files\":[{\"type\":\"image\",\"transfer_method\":\"remote_url\",\"url\":\""
        + imageUrl(imagePath)
        + "\"}]}";
  }

  @Test
  @DisplayName("private addresses allowed: the image arrives in Ollama's images, base64")
  void remoteImageReachesOllamaInline() throws Exception {
    Api api = start(Map.of("REMOTE_IMAGE_ALLOW_PRIVATE_ADDRESSES", "true"));
    Api.AppKey app = appWithImages(api);
    ollama.enqueue(OllamaWire.text(List.of("A", " cat"), 9));

    Api.Reply streamed = api.post("/v1/chat-messages", app.key(), chat("streaming"));

    assertThat(streamed.events().getLast().get("event").asText()).isEqualTo("message_end");
    assertThat(imageRequests).hasValue(1);
    JsonNode messages = Api.JSON.readTree(ollama.requests().getLast().body()).path("messages");
    JsonNode user = messages.get(messages.size() - 1);
    assertThat(user.path("content").asText()).isEqualTo("What is this?");
    assertThat(user.path("images")).hasSize(1);
    assertThat(user.path("images").get(0).asText())
        .isEqualTo(Base64.getEncoder().encodeToString(PNG));
  }

  @Test
  @DisplayName(
      "default settings: a URL on this host is refused; the stream ends with invalid_param, the"
          + " message is saved as an error, neither the URL nor Ollama is called")
  void refusedImageFailsTheChat() throws Exception {
    Api api = start(Map.of());
    Api.AppKey app = appWithImages(api);

    Api.Reply streamed = api.post("/v1/chat-messages", app.key(), chat("streaming"));

    JsonNode error = streamed.events().getLast();
    assertThat(error.get("event").asText()).isEqualTo("error");
    assertThat(error.get("code").asText()).isEqualTo("invalid_param");
    assertThat(error.get("status").asInt()).isEqualTo(400);
    assertThat(error.get("message").asText())
        .contains("could not be fetched", "its address is not allowed")
        .doesNotContain("sig=secret");
    String conversation = error.get("conversation_id").asText();
    JsonNode message =
        api.get("/v1/messages?user=alice&conversation_id=" + conversation, app.key())
            .json()
            .get("data")
            .get(0);
    assertThat(message.get("status").asText()).isEqualTo("error");
    assertThat(message.get("error").asText()).startsWith("invalid_param: ");

    Api.Reply blocking = api.post("/v1/chat-messages", app.key(), chat("blocking"));
    assertThat(blocking.status()).isEqualTo(400);
    assertThat(blocking.code()).isEqualTo("invalid_param");
    assertThat(blocking.json().get("message").asText()).contains("could not be fetched");

    assertThat(imageRequests).hasValue(0);
    assertThat(ollama.requests()).isEmpty();
  }

  @Test
  @DisplayName(
      "a client that leaves during a download ends the download at once, long before its"
          + " deadline; the message is saved as stopped and Ollama is never called")
  void leavingEndsTheDownload() throws Exception {
    Api api =
        start(
            Map.of(
                "REMOTE_IMAGE_ALLOW_PRIVATE_ADDRESSES",
                "true",
                "REMOTE_IMAGE_TIMEOUT_SECONDS",
                "60"));
    Api.AppKey app = appWithImages(api);

    try (InputStream stream =
        api.stream("/v1/chat-messages", app.key(), chat("streaming", "/slow.png"))) {
      assertThat(slowStarted.await(5, TimeUnit.SECONDS)).as("the download started").isTrue();
    } // closing the body closes the connection; the next ping finds it gone and stops the run

    assertThat(slowHungUp.await(5, TimeUnit.SECONDS)).as("the download was ended").isTrue();
    String conversation =
        api.get("/v1/conversations?user=alice", app.key()).json().at("/data/0/id").asText();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    JsonNode message = messageOf(api, app, conversation);
    while (message.get("generation_status").asText().equals("running")
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
      message = messageOf(api, app, conversation);
    }
    assertThat(message.get("generation_status").asText()).isEqualTo("stopped");
    assertThat(ollama.requests()).isEmpty();
  }

  private static JsonNode messageOf(Api api, Api.AppKey app, String conversation) {
    return api.get("/v1/messages?user=alice&conversation_id=" + conversation, app.key())
        .json()
        .at("/data/0");
  }
}
