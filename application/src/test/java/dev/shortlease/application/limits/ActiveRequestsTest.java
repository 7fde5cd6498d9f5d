package dev.shortlease.application.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.application.ChatSettings;
import dev.shortlease.application.LimitSettings;
import dev.shortlease.application.port.in.ActiveRequestLimitException;
import dev.shortlease.application.port.in.ChatRun;
import dev.shortlease.application.testing.ChatTestKit;
import dev.shortlease.application.testing.ScriptedChatModel;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.AppUpdate;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.NotFoundException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ActiveRequestsTest {
  private final ChatTestKit kit = new ChatTestKit(ChatSettings.defaults());

  @Test
  @DisplayName("per end user: the cap refuses the next one; closing a slot (twice) frees one place")
  void endUserCap() {
    ActiveRequests active = new ActiveRequests(LimitSettings.DEFAULTS.withActiveRequests(0, 2));
    App app = kit.app(AppMode.CHAT);
    ActiveRequests.Slot first = active.enter(app, "alice");
    active.enter(app, "alice");
    active.enter(app, "bob");

    assertThatThrownBy(() -> active.enter(app, "alice"))
        .isInstanceOf(ActiveRequestLimitException.class)
        .hasMessageEndingWith("allowed per end user is 2.");
    first.close();
    first.close();
    active.enter(app, "alice");
    assertThatThrownBy(() -> active.enter(app, "alice"))
        .isInstanceOf(ActiveRequestLimitException.class);
    assertThat(active.running(app.id())).isEqualTo(3);
  }

  @Test
  @DisplayName("per app: the app's own limit beats the default, 0 is unlimited")
  void appCap() {
    ActiveRequests active = new ActiveRequests(LimitSettings.DEFAULTS.withActiveRequests(1, 0));
    App app = kit.app(AppMode.CHAT);
    active.enter(app, "a");
    assertThatThrownBy(() -> active.enter(app, "b"))
        .isInstanceOf(ActiveRequestLimitException.class)
        .hasMessage(
            "Too many requests. Please try again later. The current maximum concurrent requests"
                + " allowed is 1.");

    App unlimited =
        new AppUpdate(null, null, null, null, null, null, null, null, null, null, 0).applyTo(app);
    for (int i = 0; i < 100; i++) {
      active.enter(unlimited, "user-" + i);
    }
    App two =
        new AppUpdate(null, null, null, null, null, null, null, null, null, null, 2).applyTo(app);
    assertThatThrownBy(() -> active.enter(two, "z"))
        .isInstanceOf(ActiveRequestLimitException.class);
  }

  @Test
  @DisplayName("a refused user leaves the app's count as it was")
  void refusalByUserGivesTheAppPlaceBack() {
    ActiveRequests active = new ActiveRequests(LimitSettings.DEFAULTS.withActiveRequests(5, 1));
    App app = kit.app(AppMode.CHAT);
    active.enter(app, "alice");
    assertThatThrownBy(() -> active.enter(app, "alice"))
        .isInstanceOf(ActiveRequestLimitException.class);
    assertThat(active.running(app.id())).isEqualTo(1);
  }

  @Test
  @DisplayName("a chat's place is freed when it ends, stopped, and when its start fails")
  void chatsGiveTheirPlaceBack() throws Exception {
    App app = kit.app(AppMode.CHAT);
    kit.model.then(ScriptedChatModel.hang("so far"));
    ChatRun run = kit.chat(app, "alice", "one", null);
    assertThat(kit.active.running(app.id())).isEqualTo(1);

    run.disconnect();
    kit.awaitIdle();
    assertThat(kit.active.running(app.id())).isZero();

    assertThatThrownBy(() -> kit.chat(app, "alice", "two", ConversationId.random()))
        .as("T2 fails: no such conversation")
        .isInstanceOf(NotFoundException.class);
    assertThat(kit.active.running(app.id())).as("a failed start frees at once").isZero();
  }
}
