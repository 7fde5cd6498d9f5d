package dev.shortlease.bootstrap.flow;

import static dev.shortlease.application.testing.ScriptedChatModel.call;
import static dev.shortlease.application.testing.ScriptedChatModel.reply;
import static dev.shortlease.application.testing.ScriptedChatModel.slowReply;
import static dev.shortlease.application.testing.ScriptedChatModel.toolCalls;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Injector;
import dev.shortlease.adapter.persistence.PersistenceContext;
import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import dev.shortlease.application.chat.RunRegistry;
import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.in.ChatRun;
import dev.shortlease.application.port.in.ResponseMode;
import dev.shortlease.application.port.in.SendMessageCommand;
import dev.shortlease.application.port.in.SendMessageUseCase;
import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.testing.ChatTestKit;
import dev.shortlease.application.testing.ScriptedChatModel;
import dev.shortlease.bootstrap.Composition;
import dev.shortlease.bootstrap.RawModel;
import dev.shortlease.bootstrap.Settings;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.Message;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.Owner;
import dev.shortlease.guardrails.guard.ConnectionTracker;
import dev.shortlease.guardrails.testkit.PoolIdleExtension;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The chat flow on the real persistence adapter and PostgreSQL, a pool of 3, wired by the service's
 * own composition (the long-call guard in strict mode, the leak check): no connection is held while
 * the model works (R3), every message ends terminal (R5), and every detector stays silent.
 */
@PostgresTest
class ChatFlowOnPostgresTest {
  private static final int POOL_SIZE = 3;
  private static final int CHATS = 50;

  private static PersistenceContext persistence;
  private static ConnectionTracker tracker;

  private final ScriptedChatModel model = new ScriptedChatModel();
  private RunRegistry registry;
  private final ConcurrentLinkedQueue<Integer> heldInsideModel = new ConcurrentLinkedQueue<>();

  /** After each test (and the @AfterEach below): the pool idle, no leak, no guard violation. */
  @RegisterExtension
  static final PoolIdleExtension DETECTORS_SILENT =
      PoolIdleExtension.of(() -> tracker).requireSilentDetectors();

  @BeforeAll
  static void startPersistence() {
    persistence =
        PersistenceContext.start(
            PostgresTestDatabase.settings()
                .withPoolSize(POOL_SIZE)
                // Generous: 50 T1-T3 bursts on 3 connections must not time out on a busy CI box.
                .withConnectionTimeoutMillis(10_000),
            new SimpleMeterRegistry());
    tracker = persistence.tracker();
  }

  @AfterAll
  static void stopPersistence() {
    if (persistence != null) {
      persistence.close();
    }
  }

  @AfterEach
  void everyDetectorStayedSilent() throws InterruptedException {
    assertThat(registry.awaitAllEnded(Duration.ofSeconds(10))).isTrue();
    assertThat(heldInsideModel).isNotEmpty().containsOnly(0);
    assertThat(persistence.poolMonitor().snapshot().active()).isZero();
  }

  @Test
  @DisplayName("50 concurrent chats on a pool of 3 are all inside the model at once, holding none")
  void concurrentChatsHoldNoConnectionInsideTheModel() throws Exception {
    model.otherwise(slowReply(Duration.ofMillis(5), "Hello", " from", " PostgreSQL"));
    SendMessageUseCase sender = wire(model);
    AppId app = createApp(AppMode.CHAT);
    ChatTestKit.drain(sender.send(command(app, "warm-up-" + UUID.randomUUID(), "Hi")));

    CountDownLatch allInModel = new CountDownLatch(CHATS);
    CountDownLatch release = new CountDownLatch(1);
    model.onEachCall(
        request -> {
          heldInsideModel.add(tracker.heldByCurrentThread());
          allInModel.countDown();
          awaitQuietly(release);
        });

    List<Future<Sent>> sends = new ArrayList<>();
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < CHATS; i++) {
        String user = "user-" + i + "-" + UUID.randomUUID();
        sends.add(clients.submit(() -> new Sent(user, sender.send(command(app, user, "Hi")))));
      }
      // Every chat's T1-T3 is done and all 50 are waiting on the model: the pool must be idle.
      boolean allArrived = allInModel.await(30, TimeUnit.SECONDS);
      var pool = persistence.poolMonitor().snapshot();
      release.countDown();
      assertThat(allArrived).as("all chats reach the model").isTrue();

      assertThat(pool.max()).isEqualTo(POOL_SIZE);
      assertThat(pool.active()).as("active connections while 50 chats wait on the model").isZero();
      assertThat(pool.threadsWaiting()).isZero();
      for (Future<Sent> send : sends) {
        Sent sent = send.get(30, TimeUnit.SECONDS);
        List<ChatEvent> events = ChatTestKit.drain(sent.run());
        assertThat(events.getLast()).isInstanceOf(ChatEvent.MessageEnd.class);
        assertThat(ChatTestKit.text(events)).isEqualTo("Hello from PostgreSQL");
      }
    }
    assertThat(registry.awaitAllEnded(Duration.ofSeconds(10))).isTrue();
    for (Future<Sent> send : sends) {
      Message saved = savedMessage(app, send.get());
      assertThat(saved.status()).isEqualTo(MessageStatus.NORMAL);
      assertThat(saved.answer()).isEqualTo("Hello from PostgreSQL");
    }
  }

  @Test
  @DisplayName("an agent reading the database through its tool keeps every detector silent")
  void agentToolReadsTheDatabaseInItsOwnShortSession() throws Exception {
    model
        .then(
            toolCalls("Let me count.", call("c1", "conversation_stats")),
            reply("You have ", "one conversation."))
        .onEachCall(request -> heldInsideModel.add(tracker.heldByCurrentThread()));
    SendMessageUseCase sender = wire(model);
    AppId app = createApp(AppMode.AGENT_CHAT);
    String user = "agent-user-" + UUID.randomUUID();

    ChatRun run = sender.send(command(app, user, "How much have I chatted?"));
    List<ChatEvent> events = ChatTestKit.drain(run);

    assertThat(events.getLast()).isInstanceOf(ChatEvent.MessageEnd.class);
    assertThat(events)
        .filteredOn(ChatEvent.AgentThoughtEvent.class::isInstance)
        .map(ChatEvent.AgentThoughtEvent.class::cast)
        .anySatisfy(
            thought ->
                assertThat(thought.observation().get("conversation_stats"))
                    .contains("\"conversations\":1"));
    assertThat(registry.awaitAllEnded(Duration.ofSeconds(10))).isTrue();
    assertThat(savedMessage(app, new Sent(user, run)).status()).isEqualTo(MessageStatus.NORMAL);
  }

  /**
   * The service's own composition ({@link Composition#injector}, as {@code ShortleaseServer} builds
   * it) over this PostgreSQL context, with the scripted model as the raw model: the kit guards it
   * and the tools, and leak-checks the use case, in strict mode.
   */
  private SendMessageUseCase wire(ScriptedChatModel scripted) {
    Settings settings =
        Settings.fromEnvironment(
            Map.of(
                "DATABASE_URL",
                PostgresTestDatabase.settings().jdbcUrl(),
                "ADMIN_TOKEN",
                "admin-token-for-tests-0001",
                "GUARD_MODE",
                "strict",
                "DEMO_APP",
                "false",
                "ANSWER_SPOOL_DIR",
                System.getProperty("java.io.tmpdir") + "/shortlease-spool-" + UUID.randomUUID()));
    Injector injector =
        Composition.injector(
            settings,
            new PrometheusMeterRegistry(PrometheusConfig.DEFAULT),
            persistence,
            binder ->
                binder
                    .bind(ChatModelPort.class)
                    .annotatedWith(RawModel.class)
                    .toInstance(scripted));
    registry = injector.getInstance(RunRegistry.class);
    return injector.getInstance(SendMessageUseCase.class);
  }

  private static AppId createApp(AppMode mode) {
    return persistence
        .apps()
        .createApp(
            new NewApp("flow " + UUID.randomUUID(), null, mode, null, "Be brief.", null, null));
  }

  private static SendMessageCommand command(AppId app, String user, String query) {
    return new SendMessageCommand(
        app, user, query, Map.of(), null, ResponseMode.STREAMING, false, false);
  }

  private static Message savedMessage(AppId app, Sent sent) {
    Owner owner =
        new Owner(app, persistence.endUsers().findEndUser(app, sent.user()).orElseThrow());
    return persistence.messages().findMessage(owner, sent.run().messageId()).orElseThrow();
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      if (!latch.await(30, TimeUnit.SECONDS)) {
        throw new IllegalStateException("test never released the model");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private record Sent(String user, ChatRun run) {}
}
