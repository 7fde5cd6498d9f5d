package dev.shortlease.application.conversation;

import static dev.shortlease.application.testing.ChatTestKit.drain;
import static dev.shortlease.application.testing.ScriptedChatModel.hang;
import static dev.shortlease.application.testing.ScriptedChatModel.reply;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.application.LimitSettings;
import dev.shortlease.application.limits.ModelSideCalls;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.application.testing.ChatTestKit;
import dev.shortlease.application.testing.ScriptedChatModel;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.Owner;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 16: naming is a model call that is not an answer, so it is bounded like {@code /suggested}
 * ({@code SIDE_CALLS_MAX}, {@code SIDE_CALL_TIMEOUT_MS}) — and, unlike it, never waits or fails for
 * those bounds: the first query is the name.
 */
@DisplayName("Conversation naming is a bounded side call that falls back to the first query")
class ConversationNamerTest {
  private static final Duration TIME_LIMIT = Duration.ofMillis(300);

  private final ChatTestKit kit = new ChatTestKit();
  private final App app = kit.app(AppMode.CHAT);
  private final ModelSideCalls sideCalls =
      new ModelSideCalls(
          new LimitSettings(0, 0, 1, TIME_LIMIT, LimitSettings.DEFAULT_READINESS_PROBE_INTERVAL));
  private final ScriptedChatModel namingModel = new ScriptedChatModel();
  private final ConversationNamer namer =
      new ConversationNamer(kit.store, kit.store, kit.store, namingModel, sideCalls);

  private ConversationId conversation(String firstQuery) throws InterruptedException {
    kit.model.then(reply("Answer."));
    var run = kit.chat(app, "alice", firstQuery, null);
    drain(run);
    kit.awaitIdle();
    return run.conversationId();
  }

  @Test
  @DisplayName("with every side call taken, naming asks no model and names by the first query")
  void noFreeSideCallFallsBack() throws Exception {
    ConversationId id = conversation("Plan a trip to Rome");
    Owner owner = kit.owner(app.id(), "alice");
    CountDownLatch taken = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder =
        Thread.ofVirtual()
            .start(
                () ->
                    sideCalls.tryCall(
                        StopSignal.never(),
                        stop -> {
                          taken.countDown();
                          await(release);
                          return "held";
                        }));
    assertThat(taken.await(5, TimeUnit.SECONDS)).isTrue();
    try {
      namingModel.otherwise(reply("A title"));

      assertThat(namer.generate(owner, id)).isEqualTo("Plan a trip to Rome");
      assertThat(namingModel.requests()).as("model calls for the name").isEmpty();
    } finally {
      release.countDown();
      holder.join();
    }
    assertThat(namer.generate(owner, id)).as("once the side call is free").isEqualTo("A title");
  }

  @Test
  @DisplayName("a naming call past SIDE_CALL_TIMEOUT_MS is stopped; the first query is the name")
  void slowNamingIsStopped() throws Exception {
    ConversationId id = conversation("Plan a trip to Rome");
    Owner owner = kit.owner(app.id(), "alice");
    namingModel.otherwise(hang("A ti"));

    long started = System.nanoTime();
    String name = namer.generate(owner, id);
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(name).isEqualTo("Plan a trip to Rome");
    assertThat(namingModel.requests()).hasSize(1);
    assertThat(took).isGreaterThanOrEqualTo(TIME_LIMIT).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  @DisplayName("auto-naming after a chat also falls back while the side calls are taken")
  void autoNamingFallsBackToo() throws Exception {
    ChatTestKit bounded = new ChatTestKit();
    App chatApp = bounded.app(AppMode.CHAT);
    // The kit's namer shares the kit's side calls: take all of them (SIDE_CALLS_MAX).
    int max = LimitSettings.DEFAULT_SIDE_CALLS;
    CountDownLatch taken = new CountDownLatch(max);
    CountDownLatch release = new CountDownLatch(1);
    for (int i = 0; i < max; i++) {
      Thread.ofVirtual()
          .start(
              () ->
                  bounded.sideCalls.tryCall(
                      StopSignal.never(),
                      stop -> {
                        taken.countDown();
                        await(release);
                        return "held";
                      }));
    }
    assertThat(taken.await(5, TimeUnit.SECONDS)).isTrue();
    try {
      bounded.model.then(reply("Answer."), reply("A title from the model"));
      var run = bounded.chatNamed(chatApp, "alice", "Hello there");
      drain(run);
      bounded.awaitIdle();

      Owner owner = bounded.owner(chatApp.id(), "alice");
      long deadline = System.nanoTime() + ChatTestKit.WAIT.toNanos();
      String name = "";
      while (name.isEmpty() && System.nanoTime() < deadline) {
        name = bounded.store.findConversation(owner, run.conversationId()).orElseThrow().name();
        Thread.sleep(5);
      }
      assertThat(name).isEqualTo("Hello there");
      assertThat(bounded.model.requests()).as("the answer only, no naming call").hasSize(1);
    } finally {
      release.countDown();
    }
  }

  @Test
  @DisplayName("a long name is shortened by characters, never cutting an emoji in half")
  void namesAreShortenedByCharacters() {
    String emoji = "\uD83D\uDE00";

    assertThat(ConversationNamer.fallback("a" + emoji.repeat(60)))
        .isEqualTo("a" + emoji.repeat(48) + "…");
    assertThat(ConversationNamer.clean(emoji.repeat(100))).isEqualTo(emoji.repeat(100));
    assertThat(ConversationNamer.clean(emoji.repeat(101))).isEqualTo(emoji.repeat(99) + "…");
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
