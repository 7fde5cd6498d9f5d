package dev.shortlease.bootstrap;

import static dev.shortlease.application.testing.ScriptedChatModel.hang;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Scopes;
import dev.shortlease.application.admin.AuthenticateAppService;
import dev.shortlease.application.chat.AdmissionGate;
import dev.shortlease.application.port.in.AuthenticateAppUseCase;
import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.testing.ScriptedChatModel;
import dev.shortlease.domain.App;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Start-up (demo app, clear failures) and graceful shutdown. */
class LifecycleTest {

  @Test
  @DisplayName("an unreachable database fails start with one line naming the database")
  void unreachableDatabase() {
    Map<String, String> env = TestServers.env();
    env.put("DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/nowhere?user=x&password=hidden");
    env.put("DB_CONNECTION_TIMEOUT_MS", "250");

    assertThatThrownBy(() -> ShortleaseServer.start(Settings.fromEnvironment(env)))
        .isInstanceOf(StartupException.class)
        .hasMessageStartingWith(
            "cannot start: database jdbc:postgresql://127.0.0.1:1/nowhere?user=x&password=****: ")
        .hasMessageNotContaining("hidden")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  @DisplayName("a port that cannot be bound fails start with one line naming HOST and PORT")
  void portTaken() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      Map<String, String> env = TestServers.env();
      env.put("PORT", Integer.toString(taken.getLocalPort()));

      assertThatThrownBy(() -> ShortleaseServer.start(Settings.fromEnvironment(env)))
          .isInstanceOf(StartupException.class)
          .hasMessageContaining("HOST=127.0.0.1 PORT=" + taken.getLocalPort())
          .hasMessageContaining("Address already in use")
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
  }

  @ParameterizedTest(name = "{0} that cannot be written fails start naming it")
  @ValueSource(strings = {"ANSWER_SPOOL_DIR", "FILES_DIR"})
  void directoryNotWritable(String variable, @TempDir Path temp) throws Exception {
    // A regular file where the directory should be: no directory can be made below it.
    Path file = Files.writeString(temp.resolve("a-file"), "");
    Map<String, String> env = TestServers.env();
    env.put(variable, file.resolve("dir").toString());

    assertThatThrownBy(() -> ShortleaseServer.start(Settings.fromEnvironment(env)))
        .isInstanceOf(StartupException.class)
        .hasMessageStartingWith("cannot start: " + variable + "=" + file.resolve("dir"))
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  @DisplayName(
      "MANAGEMENT_HOST without MANAGEMENT_PORT: admin is served, and shown, at the API's URL")
  void managementHostWithoutItsPort() {
    Map<String, String> env = TestServers.env();
    env.put("MANAGEMENT_HOST", "198.51.100.7");

    try (ShortleaseServer server = ShortleaseServer.start(Settings.fromEnvironment(env))) {
      assertThat(server.managementUrl()).isEqualTo(server.baseUrl());
    }
  }

  @Test
  @DisplayName("the first start creates a demo app whose key works; a restart does not")
  void demoAppOnFirstStartOnly() {
    Map<String, String> env = TestServers.env();
    env.put("DEMO_APP", "true");
    String key;
    try (ShortleaseServer first = ShortleaseServer.start(Settings.fromEnvironment(env))) {
      assertThat(first.demoApp()).isPresent();
      key = first.demoApp().get().key().plainKey();
      Api api = new Api(first);
      assertThat(
              api.post("/v1/chat-messages", key, Api.chat("u", "Hello", "blocking", null)).status())
          .isEqualTo(200);
      assertThat(Main.banner(first)).contains(key).contains(first.baseUrl() + "/v1/chat-messages");
    }
    try (ShortleaseServer second = ShortleaseServer.start(Settings.fromEnvironment(env))) {
      assertThat(second.demoApp()).isEmpty();
      assertThat(new Api(second).get("/v1/info", key).status()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("shutdown ends a running stream after the grace period and saves it as stopped")
  void gracefulShutdownSavesRunningMessages() throws Exception {
    Map<String, String> env = TestServers.env(); // SHUTDOWN_GRACE_SECONDS=1
    ScriptedChatModel model = new ScriptedChatModel().then(hang("unfinished "));
    ShortleaseServer server =
        ShortleaseServer.start(
            Settings.fromEnvironment(env),
            binder ->
                binder.bind(ChatModelPort.class).annotatedWith(RawModel.class).toInstance(model));
    Api api = new Api(server);
    Api.AppKey app = api.createApp("chat");
    String conversation;
    String rest;
    try (InputStream stream =
        api.stream("/v1/chat-messages", app.key(), Api.chat("u", "Go", "streaming", null))) {
      BufferedReader reader =
          new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8));
      String line = reader.readLine();
      while (!line.startsWith("data: ")) {
        line = reader.readLine();
      }
      conversation = Api.JSON.readTree(line.substring(6)).get("conversation_id").asText();

      CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
      StringBuilder tail = new StringBuilder();
      for (String next = reader.readLine(); next != null; next = reader.readLine()) {
        tail.append(next).append('\n');
      }
      rest = tail.toString();
      closing.join();
    }
    assertThat(rest).contains("\"event\":\"message_end\"");

    // The same in-memory database, opened by a new instance: the answer was kept.
    try (ShortleaseServer again = ShortleaseServer.start(Settings.fromEnvironment(env))) {
      JsonNode saved =
          new Api(again)
              .get("/v1/messages?user=u&conversation_id=" + conversation, app.key())
              .json()
              .get("data")
              .get(0);
      assertThat(saved.get("generation_status").asText()).isEqualTo("stopped");
      assertThat(saved.get("answer").asText()).isEqualTo("unfinished ");
    }
  }

  @Test
  @DisplayName(
      "a chat waiting in the admission line when draining begins is refused at once, not admitted"
          + " into a run the stop would cut short")
  void drainingEmptiesTheAdmissionLine() throws Exception {
    Map<String, String> env = TestServers.env();
    env.put("SHUTDOWN_GRACE_SECONDS", "10"); // a 5 s drain, kept going by a hanging stream
    env.put("CHAT_ADMISSION_PERMITS", "1");
    env.put("CHAT_ADMISSION_WAIT_MS", "30000");
    ScriptedChatModel model = new ScriptedChatModel().otherwise(hang("unfinished "));
    ShortleaseServer server =
        ShortleaseServer.start(
            Settings.fromEnvironment(env),
            binder -> {
              binder.bind(ChatModelPort.class).annotatedWith(RawModel.class).toInstance(model);
              binder
                  .bind(AuthenticateAppUseCase.class)
                  .to(CountedAuthentication.class)
                  .in(Scopes.SINGLETON);
            });
    CountedAuthentication auth = server.injector().getInstance(CountedAuthentication.class);
    AdmissionGate line = server.injector().getInstance(AdmissionGate.class);
    Api api = new Api(server);
    Api.AppKey app = api.createApp("chat");
    try (InputStream running =
        api.stream("/v1/chat-messages", app.key(), Api.chat("u", "Go", "streaming", null))) {
      Api.firstEvent(new BufferedReader(new InputStreamReader(running, StandardCharsets.UTF_8)));
      int authenticated = auth.calls.get();
      line.enter(); // the only permit: the next chat waits in the line
      CompletableFuture<Api.Reply> queued =
          CompletableFuture.supplyAsync(
              () ->
                  api.post("/v1/chat-messages", app.key(), Api.chat("v", "Hi", "blocking", null)));
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (line.waiting() == 0 && System.nanoTime() < deadline) {
        Thread.sleep(5);
      }
      assertThat(line.waiting()).as("chats waiting in the line").isEqualTo(1);

      CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
      Api.Reply reply = null;
      try {
        reply = queued.get(2500, TimeUnit.MILLISECONDS); // well inside the 5 s drain
      } catch (TimeoutException e) {
        // still in the line: the assertions below say so
      }
      line.leave(); // before the fix, this admitted the waiter into the drain
      Thread.sleep(500); // time for an admitted waiter to reach authentication

      assertThat(reply).as("answer to the chat waiting in the line, during the drain").isNotNull();
      assertThat(reply.status()).as(reply.text()).isEqualTo(503);
      assertThat(reply.text()).contains("shutting down");
      assertThat(auth.calls.get() - authenticated)
          .as("authentications after draining began")
          .isZero();
      assertThat(closing).as("the drain still waits for the running stream").isNotDone();
      closing.get(30, TimeUnit.SECONDS);
    }
  }

  /** The service's own authentication, counted: each call reads the key (and app) from storage. */
  @Singleton
  static final class CountedAuthentication implements AuthenticateAppUseCase {
    final AtomicInteger calls = new AtomicInteger();
    private final AuthenticateAppService real;

    @Inject
    CountedAuthentication(AuthenticateAppService real) {
      this.real = real;
    }

    @Override
    public App authenticate(String bearerKey) {
      calls.incrementAndGet();
      return real.authenticate(bearerKey);
    }
  }

  @Test
  @DisplayName(
      "a chat waiting in the admission line when shutdown stops the runs is refused at once, as"
          + " while draining, and never authenticates")
  void shutdownEmptiesTheAdmissionLine() throws Exception {
    Map<String, String> env = TestServers.env(); // SHUTDOWN_GRACE_SECONDS=1
    env.put("CHAT_ADMISSION_PERMITS", "1");
    env.put("CHAT_ADMISSION_WAIT_MS", "30000"); // the line's own limit is far away
    ShortleaseServer server =
        ShortleaseServer.start(
            Settings.fromEnvironment(env),
            binder ->
                binder
                    .bind(AuthenticateAppUseCase.class)
                    .to(CountedAuthentication.class)
                    .in(Scopes.SINGLETON));
    // The use cases are bound behind proxies: both singletons are reached by their own class.
    CountedAuthentication auth = server.injector().getInstance(CountedAuthentication.class);
    AdmissionGate line = server.injector().getInstance(AdmissionGate.class);
    Api api = new Api(server);
    Api.AppKey app = api.createApp("chat");
    line.enter(); // the only permit: the next chat waits in the line
    CompletableFuture<Api.Reply> queued =
        CompletableFuture.supplyAsync(
            () -> api.post("/v1/chat-messages", app.key(), Api.chat("u", "Hi", "blocking", null)));
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (line.waiting() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertThat(line.waiting()).as("chats waiting in the line").isEqualTo(1);

    long closeBegan = System.nanoTime();
    CompletableFuture<Void> closing = CompletableFuture.runAsync(server::close);
    Api.Reply reply = null;
    try {
      reply = queued.get(5, TimeUnit.SECONDS);
    } catch (TimeoutException | ExecutionException e) {
      // still waiting, or cut off: the assertions below say so
    }
    Duration answeredAfter = Duration.ofNanos(System.nanoTime() - closeBegan);
    line.leave(); // before the fix, this admitted the waiter, which then read its key
    closing.get(20, TimeUnit.SECONDS);
    Thread.sleep(500); // time for an admitted waiter to reach authentication

    assertThat(auth.calls).as("authentications (each a read of the key)").hasValue(0);
    assertThat(reply).as("answer to the chat waiting in the line").isNotNull();
    assertThat(answeredAfter).as("answered after shutdown began").isLessThan(Duration.ofSeconds(3));
    assertThat(reply.status()).as(reply.text()).isEqualTo(503);
    assertThat(reply.code()).isEqualTo("service_unavailable");
    assertThat(reply.text()).contains("shutting down");
    assertThat(reply.raw().headers().firstValue("Retry-After")).contains("1");
    assertThat(reply.raw().headers().firstValue("Connection")).contains("close");
  }
}
