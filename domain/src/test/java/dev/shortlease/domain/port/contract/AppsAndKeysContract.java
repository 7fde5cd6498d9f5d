package dev.shortlease.domain.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.domain.ApiKey;
import dev.shortlease.domain.ApiKeyHash;
import dev.shortlease.domain.ApiKeyId;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.AppStatus;
import dev.shortlease.domain.AppUpdate;
import dev.shortlease.domain.ModelSettings;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.NotFoundException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Contract of {@code AppsPort} and {@code ApiKeysPort}. */
public abstract class AppsAndKeysContract extends PortContract {

  @Test
  @DisplayName("a created app is found with every field, serving, with a database createdAt")
  void createdAppIsFound() {
    NewApp request =
        new NewApp(
            "Helpdesk",
            "answers tickets",
            AppMode.AGENT_CHAT,
            new ModelSettings("gpt-x", 0.3, 512),
            "be brief",
            "Hi!",
            List.of("How do I reset?", "Where is \"it\"?\nNext line"));
    AppId id = ports().apps().createApp(request);

    App app = ports().apps().findApp(id).orElseThrow();

    assertThat(app.name()).isEqualTo("Helpdesk");
    assertThat(app.description()).isEqualTo("answers tickets");
    assertThat(app.mode()).isEqualTo(AppMode.AGENT_CHAT);
    assertThat(app.modelSettings()).isEqualTo(new ModelSettings("gpt-x", 0.3, 512));
    assertThat(app.systemPrompt()).isEqualTo("be brief");
    assertThat(app.openingStatement()).isEqualTo("Hi!");
    assertThat(app.suggestedQuestions()).containsExactlyElementsOf(request.suggestedQuestions());
    assertThat(app.status()).isEqualTo(AppStatus.NORMAL);
    assertThat(app.isServing()).isTrue();
    assertThat(app.createdAt()).isNotNull();
  }

  @Test
  @DisplayName("an unknown app is not found")
  void unknownAppIsMissing() {
    assertThat(ports().apps().findApp(AppId.random())).isEmpty();
    assertThat(
            ports()
                .apps()
                .updateApp(
                    AppId.random(), new AppUpdate("x", null, null, null, null, null, null, null)))
        .isEmpty();
  }

  @Test
  @DisplayName("apps are listed oldest first")
  void appsListedOldestFirst() {
    AppId first = newApp();
    AppId second = newApp();

    List<AppId> ids = ports().apps().listApps().stream().map(App::id).toList();

    assertThat(ids).containsSubsequence(first, second);
  }

  @Test
  @DisplayName("an update changes the given fields only and returns the new state")
  void updateChangesGivenFields() {
    AppId id = newApp();
    App before = ports().apps().findApp(id).orElseThrow();

    App after =
        ports()
            .apps()
            .updateApp(
                id,
                new AppUpdate(
                    "Renamed",
                    null,
                    null,
                    "new prompt",
                    null,
                    List.of("q1"),
                    AppStatus.DISABLED,
                    false))
            .orElseThrow();

    assertThat(after.name()).isEqualTo("Renamed");
    assertThat(after.systemPrompt()).isEqualTo("new prompt");
    assertThat(after.suggestedQuestions()).containsExactly("q1");
    assertThat(after.isServing()).isFalse();
    assertThat(after.modelSettings()).isEqualTo(before.modelSettings());
    assertThat(after.createdAt()).isEqualTo(before.createdAt());
    assertThat(ports().apps().findApp(id)).contains(after);
  }

  @Test
  @DisplayName("an active key finds its app; a revoked key no longer does")
  void revokedKeyNoLongerFindsApp() {
    AppId app = newApp();
    ApiKeyHash hash = ApiKeyHash.of(ApiKeyHash.newPlainKey());
    ApiKeyId key = ports().apiKeys().addKey(app, hash, "app-abc");

    assertThat(ports().apiKeys().findAppIdByKey(hash)).contains(app);
    assertThat(ports().apiKeys().revokeKey(newApp(), key)).as("another app's key").isFalse();
    assertThat(ports().apiKeys().revokeKey(app, key)).isTrue();
    assertThat(ports().apiKeys().revokeKey(app, key)).as("already revoked").isFalse();
    assertThat(ports().apiKeys().findAppIdByKey(hash)).isEmpty();
  }

  @Test
  @DisplayName("keys are listed oldest first, revoked ones included with their revocation time")
  void keysListedWithRevocation() {
    AppId app = newApp();
    ApiKeyHash firstHash = ApiKeyHash.of(ApiKeyHash.newPlainKey());
    ApiKeyId first = ports().apiKeys().addKey(app, firstHash, "app-one");
    ApiKeyId second =
        ports().apiKeys().addKey(app, ApiKeyHash.of(ApiKeyHash.newPlainKey()), "app-two");
    ports().apiKeys().revokeKey(app, first);

    List<ApiKey> keys = ports().apiKeys().listKeys(app);

    assertThat(keys).extracting(ApiKey::id).containsExactly(first, second);
    assertThat(keys.get(0).hash()).isEqualTo(firstHash);
    assertThat(keys.get(0).prefix()).isEqualTo("app-one");
    assertThat(keys.get(0).isActive()).isFalse();
    assertThat(keys.get(1).isActive()).isTrue();
    assertThat(keys.get(1).createdAt()).isNotNull();
    assertThat(ports().apiKeys().listKeys(newApp())).isEmpty();
  }

  @Test
  @DisplayName("a key for an unknown app is refused")
  void keyForUnknownAppIsRefused() {
    assertThatThrownBy(() -> ports().apiKeys().addKey(AppId.random(), ApiKeyHash.of("k"), "app-k"))
        .isInstanceOf(NotFoundException.class);
  }
}
