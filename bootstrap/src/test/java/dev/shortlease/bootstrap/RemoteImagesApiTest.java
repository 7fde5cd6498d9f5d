package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Module;
import com.google.inject.Singleton;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.shortlease.adapter.llm.wire.FakeLlmServer;
import dev.shortlease.adapter.llm.wire.OllamaWire;
import dev.shortlease.application.annotation.AnnotationReplier;
import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.port.out.ModelReply;
import dev.shortlease.application.port.out.ModelRequest;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.application.port.out.TokenSink;
import dev.shortlease.domain.Annotation;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.Owner;
import dev.shortlease.guardrails.guard.ConnectionTracker;
import dev.shortlease.guardrails.guard.GuardMode;
import dev.shortlease.guardrails.guard.LeaseObserver;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * End to end with {@code LLM_PROVIDER=ollama} and {@code LLM_VISION=true}: an image sent by URL is
 * downloaded by the service (no connection held) and reaches Ollama inline, in its {@code images};
 * with the default settings a URL on this host is refused, the client gets Dify's {@code
 * invalid_param} in the stream or as the blocking answer, and the message is saved as an error. A
 * connection the runner holds is caught by the guard at each download on the parallel reading
 * threads (ADR 0068).
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

  private Api start(Map<String, String> overrides, Module... modules) {
    Map<String, String> env = TestServers.env();
    env.put("LLM_PROVIDER", "ollama");
    env.put("LLM_BASE_URL", ollama.baseUrl());
    env.put("LLM_MODEL", "llava");
    env.put("LLM_VISION", "true");
    env.putAll(overrides);
    server = ShortleaseServer.start(Settings.fromEnvironment(env), modules);
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

  @Test
  @DisplayName(
      "strict guard: a connection the runner holds when its images are read is refused at each"
          + " download, on the parallel reading thread (whose unit of work is the runner's): no"
          + " image is requested, the model is never asked for an answer")
  void guardRefusesDownloadsOnTheReadingThreads() throws Exception {
    Api api =
        start(
            Map.of("REMOTE_IMAGE_ALLOW_PRIVATE_ADDRESSES", "true"),
            binder -> {
              binder.bind(HeldConnections.class).in(Singleton.class);
              binder.bind(ChatModelPort.class).annotatedWith(RawModel.class).to(HoldingModel.class);
            });
    Api.AppKey app = appWithImages(api);
    HeldConnections held = server.injector().getInstance(HeldConnections.class);
    ConnectionTracker tracker = server.injector().getInstance(ConnectionTracker.class);
    List<String> violations = violationsOf(tracker);

    Api.Reply streamed;
    Logger runnerLog =
        (Logger) LoggerFactory.getLogger("dev.shortlease.application.chat.ChatRunner");
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    runnerLog.addAppender(log);
    try {
      streamed = api.post("/v1/chat-messages", app.key(), chatWithTwoImages());
    } finally {
      runnerLog.detachAppender(log);
      held.release();
    }

    assertThat(held.heldOn)
        .as("taken on the runner's thread")
        .singleElement()
        .asString()
        .startsWith("chat-runner-");
    assertThat(violations)
        .as("violations: thread and long call")
        .isNotEmpty()
        .allSatisfy(
            seen -> assertThat(seen).matches("image-read-\\d+ RemoteImagePort\\.fetch\\(.*"));
    assertThat(tracker.guardViolations()).isEqualTo(violations.size());
    assertThat(log.list)
        .anySatisfy(
            line ->
                assertThat(line.getThrowableProxy().getMessage())
                    .contains(
                        "long call RemoteImagePort.fetch(",
                        "while holding a pooled database connection",
                        "the unit of work of thread image-read-"));
    assertThat(streamed.events().getLast().get("event").asText()).isEqualTo("error");
    assertThat(imageRequests)
        .as("downloads started while the runner held a connection")
        .hasValue(0);
    assertThat(ollama.requests()).isEmpty();
  }

  @Test
  @DisplayName(
      "GUARD_MODE=warn: a connection the runner's annotation step left open is reported at its"
          + " next model call on the runner's thread and at each download on a reading thread")
  void guardReportsEachDownloadOnTheReadingThreads() throws Exception {
    Api api =
        start(
            Map.of("REMOTE_IMAGE_ALLOW_PRIVATE_ADDRESSES", "true", "GUARD_MODE", "warn"),
            binder -> {
              binder.bind(HeldConnections.class).in(Singleton.class);
              binder.bind(AnnotationReplier.class).to(HoldingReplier.class);
            });
    Api.AppKey app = appWithImages(api);
    HeldConnections held = server.injector().getInstance(HeldConnections.class);
    List<String> violations = violationsOf(server.injector().getInstance(ConnectionTracker.class));
    ollama.enqueue(OllamaWire.text(List.of("Two", " cats"), 9));

    Api.Reply streamed;
    try {
      streamed = api.post("/v1/chat-messages", app.key(), chatWithTwoImages());
    } finally {
      held.release();
    }

    assertThat(streamed.events().getLast().get("event").asText()).isEqualTo("message_end");
    assertThat(imageRequests).hasValue(2);
    assertThat(violations)
        .filteredOn(seen -> seen.contains("RemoteImagePort.fetch("))
        .hasSize(2)
        .allSatisfy(seen -> assertThat(seen).startsWith("image-read-"));
    assertThat(violations)
        .filteredOn(seen -> seen.startsWith("chat-runner-"))
        .isNotEmpty()
        .allSatisfy(seen -> assertThat(seen).contains("ChatModelPort."));
  }

  private String chatWithTwoImages() {
    String chat = Api.chat("alice", "What are these?", "streaming", null);
    return chat.substring(0, chat.length() - 1)
        + ",\"files\":[{\"type\":\"image\",\"transfer_method\":\"remote_url\",\"url\":\""
        + imageUrl("/a.png")
        + "\"},{\"type\":\"image\",\"transfer_method\":\"remote_url\",\"url\":\""
        + imageUrl("/b.png")
        + "\"}]}";
  }

  /** Each guard violation as "thread long-call", on the thread that made the call. */
  private static List<String> violationsOf(ConnectionTracker tracker) {
    List<String> violations = new CopyOnWriteArrayList<>();
    tracker.observe(
        new LeaseObserver() {
          @Override
          public Lease checkedOut(String tracker, String connectionId) {
            return null;
          }

          @Override
          public void violation(String longCall, String caller, GuardMode mode, int held) {
            violations.add(Thread.currentThread().getName() + " " + longCall);
          }
        });
    return violations;
  }

  /**
   * Connections a runner takes and keeps, planted as {@link CompositionTest} plants one: a tracked
   * H2 connection of the service's own tracker.
   */
  static final class HeldConnections {
    private final DataSource tracked;
    private final List<Connection> held = new CopyOnWriteArrayList<>();
    final List<String> heldOn = new CopyOnWriteArrayList<>();

    @Inject
    HeldConnections(ConnectionTracker tracker) {
      JdbcDataSource h2 = new JdbcDataSource();
      h2.setURL("jdbc:h2:mem:runner-holds-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
      this.tracked = tracker.wrap(h2);
    }

    void take() {
      try {
        held.add(tracked.getConnection());
      } catch (SQLException e) {
        throw new IllegalStateException(e);
      }
      heldOn.add(Thread.currentThread().getName());
    }

    void release() throws SQLException {
      for (Connection connection : held) {
        connection.close();
      }
    }
  }

  /**
   * A vision model taking only inline images that takes a connection when asked so, on the runner's
   * thread just before its images are read: the guard's check of that question has passed, and the
   * next guarded calls are the downloads.
   */
  static final class HoldingModel implements ChatModelPort {
    private final HeldConnections held;

    @Inject
    HoldingModel(HeldConnections held) {
      this.held = held;
    }

    @Override
    public ModelReply chat(ModelRequest request, TokenSink tokens, StopSignal stop) {
      throw new AssertionError("the model is not asked while a connection is held");
    }

    @Override
    public boolean supportsVision() {
      return true;
    }

    @Override
    public boolean takesImageLinks() {
      held.take();
      return false;
    }
  }

  /** The annotation step, the runner's first, leaving a connection open behind it. */
  static final class HoldingReplier implements AnnotationReplier {
    private final HeldConnections held;

    @Inject
    HoldingReplier(HeldConnections held) {
      this.held = held;
    }

    @Override
    public Optional<Annotation> answer(AppId app, Owner owner, MessageId message, String query) {
      held.take();
      return Optional.empty();
    }
  }

  private static JsonNode messageOf(Api api, Api.AppKey app, String conversation) {
    return api.get("/v1/messages?user=alice&conversation_id=" + conversation, app.key())
        .json()
        .at("/data/0");
  }
}
