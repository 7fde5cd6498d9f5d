package dev.shortlease.domain.port.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.domain.ApiKey;
import dev.shortlease.domain.ApiKeyHash;
import dev.shortlease.domain.ApiKeyId;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.AppMediaPatch;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.AppPatch;
import dev.shortlease.domain.AppStatus;
import dev.shortlease.domain.AppUpdate;
import dev.shortlease.domain.AppWithKey;
import dev.shortlease.domain.AppWithMedia;
import dev.shortlease.domain.AppsPage;
import dev.shortlease.domain.FileKind;
import dev.shortlease.domain.FileTransfer;
import dev.shortlease.domain.ModelSettings;
import dev.shortlease.domain.ModelSettingsPatch;
import dev.shortlease.domain.NewApiKey;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.NotFoundException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Contract of {@code AppsPort}, {@code ApiKeysPort} and {@code AppSetupPort}. */
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

  private static final AppMedia SWITCHES =
      new AppMedia(
          true,
          Set.of(FileKind.IMAGE, FileKind.DOCUMENT),
          5,
          Set.of(FileTransfer.values()),
          true,
          false,
          "alloy",
          "en");

  private static NewApp named(String name) {
    return new NewApp(name, "", AppMode.CHAT, null, null, null, null);
  }

  private static NewApiKey freshKey() {
    return new NewApiKey(ApiKeyHash.of(ApiKeyHash.newPlainKey()), "app-new");
  }

  @Test
  @DisplayName("an app set up with its first key and switches is stored whole, the key usable")
  void setUpAppIsStoredWhole() {
    NewApiKey key = freshKey();
    assertThat(ports().apiKeys().findAppIdByKey(key.hash())).as("tried before it exists").isEmpty();

    AppWithKey created =
        ports().setup().createApp(named("setup " + UUID.randomUUID()), key, SWITCHES);

    AppId id = created.app().id();
    assertThat(ports().apps().findApp(id)).contains(created.app());
    assertThat(created.app().createdAt()).isNotNull();
    assertThat(created.app().isServing()).isTrue();
    assertThat(ports().apiKeys().findAppIdByKey(key.hash())).contains(id);
    assertThat(ports().apiKeys().listKeys(id))
        .singleElement()
        .satisfies(
            k -> {
              assertThat(k.id()).isEqualTo(created.keyId());
              assertThat(k.prefix()).isEqualTo("app-new");
            });
    assertThat(ports().media().mediaOf(id)).isEqualTo(SWITCHES);
  }

  @Test
  @DisplayName("an app set up without switches has them off")
  void setUpWithoutSwitchesIsOff() {
    AppWithKey created =
        ports().setup().createApp(named("plain " + UUID.randomUUID()), freshKey(), null);

    assertThat(ports().media().mediaOf(created.app().id())).isEqualTo(AppMedia.OFF);
  }

  @Test
  @DisplayName("an app set up disabled, API off and with its own limit is stored so, in one write")
  void setUpKeepsStatusSwitchAndLimit() {
    NewApp paused =
        new NewApp(
            "paused " + UUID.randomUUID(),
            null,
            AppMode.CHAT,
            null,
            null,
            null,
            null,
            null,
            null,
            AppStatus.DISABLED,
            false,
            5);

    AppWithKey created = ports().setup().createApp(paused, freshKey(), null);

    App stored = ports().apps().findApp(created.app().id()).orElseThrow();
    assertThat(created.app()).isEqualTo(stored);
    assertThat(stored.status()).isEqualTo(AppStatus.DISABLED);
    assertThat(stored.apiEnabled()).isFalse();
    assertThat(stored.maxActiveRequests()).isEqualTo(5);
    assertThat(stored.isServing()).isFalse();
  }

  @Test
  @DisplayName("an app whose first key cannot be stored is not created: no app, no switches")
  void failedKeyLeavesNoApp() {
    NewApiKey taken = freshKey();
    ports().setup().createApp(named("first " + UUID.randomUUID()), taken, null);
    String name = "second " + UUID.randomUUID();

    assertThatThrownBy(() -> ports().setup().createApp(named(name), taken, SWITCHES))
        .isInstanceOf(RuntimeException.class);

    assertThat(ports().apps().listApps()).extracting(App::name).doesNotContain(name);
    assertThat(ports().media().listAppsWithMedia())
        .extracting(a -> a.app().name())
        .doesNotContain(name);
  }

  @Test
  @DisplayName("an update with switches changes both, and a cached read sees it at once")
  void updateWithSwitchesChangesBoth() {
    AppId id = newApp();
    ports().apps().findApp(id).orElseThrow(); // cached, where a cache is in front

    AppWithMedia after =
        ports()
            .setup()
            .updateApp(
                id,
                new AppPatch(
                    new AppUpdate("Renamed", null, null, null, null, null, null, null),
                    null,
                    AppMediaPatch.replacing(SWITCHES)))
            .orElseThrow();

    assertThat(after.app().name()).isEqualTo("Renamed");
    assertThat(after.media()).isEqualTo(SWITCHES);
    assertThat(ports().apps().findApp(id)).contains(after.app());
    assertThat(ports().media().mediaOf(id)).isEqualTo(SWITCHES);

    AppWithMedia again =
        ports()
            .setup()
            .updateApp(
                id, AppPatch.of(new AppUpdate("Again", null, null, null, null, null, null, null)))
            .orElseThrow();
    assertThat(ports().apps().findApp(id).orElseThrow().name()).isEqualTo("Again");
    assertThat(again.media()).as("the stored switches, answered").isEqualTo(SWITCHES);
    assertThat(ports().media().mediaOf(id)).as("no media patch keeps them").isEqualTo(SWITCHES);
  }

  @Test
  @DisplayName("an update with switches of an unknown app writes nothing")
  void updateOfUnknownAppWritesNothing() {
    AppId unknown = AppId.random();

    assertThat(
            ports()
                .setup()
                .updateApp(
                    unknown,
                    new AppPatch(
                        new AppUpdate("x", null, null, null, null, null, null, null),
                        new ModelSettingsPatch(null, 1.0, null),
                        AppMediaPatch.replacing(SWITCHES))))
        .isEmpty();
    assertThat(ports().media().mediaOf(unknown)).isEqualTo(AppMedia.OFF);
  }

  /**
   * Two admins' patches of one app, made from the same state: each sets other fields of the model
   * settings and of the switches. The first is made, the second lands, then the first: the first
   * must apply to what the second left, not to the state it was made from (the lost update of a
   * merge outside the store).
   */
  @Test
  @DisplayName("two patches of different model settings and switches both survive")
  void patchesOfDifferentFieldsBothSurvive() {
    AppId id =
        ports()
            .apps()
            .createApp(
                new NewApp(
                    "patched " + UUID.randomUUID(),
                    "",
                    AppMode.CHAT,
                    new ModelSettings("gpt-x", null, null),
                    null,
                    null,
                    null));
    AppPatch first =
        new AppPatch(
            AppUpdate.NONE,
            new ModelSettingsPatch(null, 0.7, null),
            new AppMediaPatch(true, null, 4, null, null, null, null, null));
    AppPatch second =
        new AppPatch(
            AppUpdate.NONE,
            new ModelSettingsPatch(null, null, 256),
            new AppMediaPatch(null, null, null, null, null, true, "alloy", null));

    ports().setup().updateApp(id, second).orElseThrow();
    AppWithMedia after = ports().setup().updateApp(id, first).orElseThrow();

    ModelSettings both = new ModelSettings("gpt-x", 0.7, 256);
    AppMedia switches =
        new AppMedia(
            true,
            AppMedia.OFF.allowedKinds(),
            4,
            AppMedia.OFF.transfers(),
            false,
            true,
            "alloy",
            "");
    assertThat(after.app().modelSettings()).isEqualTo(both);
    assertThat(after.media()).isEqualTo(switches);
    assertThat(ports().apps().findApp(id).orElseThrow().modelSettings()).isEqualTo(both);
    assertThat(ports().media().mediaOf(id)).isEqualTo(switches);
  }

  @Test
  @DisplayName("apps are paged oldest first, with the total and whether more follow")
  void appsArePaged() {
    List<AppId> mine = List.of(newApp(), newApp(), newApp());
    ports()
        .setup()
        .updateApp(mine.get(1), AppPatch.media(AppMediaPatch.replacing(SWITCHES)))
        .orElseThrow();
    long total = ports().media().listAppsWithMedia().size();
    int last = Math.toIntExact(total);

    // limit 1: the three newest apps are the last three pages, in the order they were made
    List<AppsPage> pages =
        List.of(
            ports().media().pageAppsWithMedia(last - 2, 1),
            ports().media().pageAppsWithMedia(last - 1, 1),
            ports().media().pageAppsWithMedia(last, 1));
    assertThat(pages)
        .extracting(p -> p.items().getFirst().app().id())
        .containsExactlyElementsOf(mine);
    assertThat(pages).allSatisfy(p -> assertThat(p.total()).isEqualTo(total));
    assertThat(pages).extracting(AppsPage::hasMore).containsExactly(true, true, false);
    assertThat(pages.get(1).items().getFirst().media()).isEqualTo(SWITCHES);
    assertThat(pages.get(0).items().getFirst().media()).isEqualTo(AppMedia.OFF);

    AppsPage beyond = ports().media().pageAppsWithMedia(last + 1, 1);
    assertThat(beyond.items()).isEmpty();
    assertThat(beyond.hasMore()).isFalse();
    assertThat(beyond.total()).isEqualTo(total);

    AppsPage tail = ports().media().pageAppsWithMedia(2, last - 1);
    assertThat(tail.items()).extracting(a -> a.app().id()).containsExactly(mine.get(2));
    assertThat(tail.hasMore()).isFalse();
    assertThat(ports().media().pageAppsWithMedia(1, last - 1).hasMore()).isTrue();
  }
}
