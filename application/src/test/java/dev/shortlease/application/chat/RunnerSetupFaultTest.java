package dev.shortlease.application.chat;

import static dev.shortlease.application.testing.ChatTestKit.drain;
import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.application.ChatSettings;
import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.in.ChatRun;
import dev.shortlease.application.testing.ChatTestKit;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.MessageStatus;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A runner whose setup fails before it generates still ends its message and frees its slot. */
class RunnerSetupFaultTest {

  @Test
  @DisplayName(
      "a fault in the runner's setup (its time-limit timer) ends the message as an error, frees"
          + " the slot and leaves nothing for shutdown to wait for")
  void setupFaultEndsTheMessage() throws Exception {
    // The injected fault: a time limit whose nanoseconds overflow, so arming its timer throws.
    ChatTestKit kit =
        new ChatTestKit(
            ChatSettings.defaults().withExecutionTimeLimit(Duration.ofSeconds(Long.MAX_VALUE)));
    App app = kit.app(AppMode.CHAT);

    ChatRun run = kit.chat(app, "alice", "hello", null);

    assertThat(drain(run).getLast()).isInstanceOf(ChatEvent.Failed.class);
    assertThat(kit.message(app.id(), "alice", run.messageId()).status())
        .isEqualTo(MessageStatus.ERROR);
    assertThat(kit.model.requests()).isEmpty();
    assertThat(kit.active.running(app.id())).isZero();
    assertThat(kit.registry.awaitAllEnded(ChatTestKit.WAIT)).isTrue();
  }
}
