package dev.shortlease.application.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.application.port.in.AppUnavailableException;
import dev.shortlease.application.port.in.AppUnavailableException.Reason;
import dev.shortlease.application.port.in.ManageAppsUseCase.CreatedApp;
import dev.shortlease.application.port.in.ManageAppsUseCase.IssuedKey;
import dev.shortlease.application.port.in.UnauthorizedException;
import dev.shortlease.application.port.out.ModelMetricsPort;
import dev.shortlease.application.testing.InMemoryFiles;
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
import dev.shortlease.domain.InvalidInputException;
import dev.shortlease.domain.NewApiKey;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.StorageUnavailableException;
import dev.shortlease.domain.port.AppSetupPort;
import dev.shortlease.domain.port.AppsPort;
import dev.shortlease.domain.port.inmemory.InMemoryStore;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Admin and authentication use cases")
class AdminUseCasesTest {
  private static final ModelMetricsPort NO_METERS = inUse -> {};
  private final InMemoryStore store = new InMemoryStore();
  private final InMemoryFiles files = new InMemoryFiles(store);
  private final ManageAppsService admin =
      new ManageAppsService(store, store, files, store, NO_METERS);
  private final AuthenticateAppService auth = new AuthenticateAppService(store, store);
  private final CreatedApp created =
      admin.createApp(new NewApp("Support bot", null, AppMode.CHAT, null, null, null, null));

  @Test
  @DisplayName(
      "a created app comes with a key that authenticates; only its hash and prefix are kept")
  void createdKeyAuthenticates() {
    String plain = created.key().plainKey();

    assertThat(auth.authenticate(plain).id()).isEqualTo(created.app().id());
    ApiKey stored = admin.listKeys(created.app().id()).getFirst();
    assertThat(stored.prefix()).isEqualTo(plain.substring(0, 8)).hasSize(8);
    assertThat(stored.hash()).isEqualTo(ApiKeyHash.of(plain));
    assertThat(stored.id()).isEqualTo(created.key().id());
  }

  @Test
  @DisplayName("an app created with switches has them, and an update with switches changes both")
  void createAndUpdateWithSwitches() {
    AppMedia speech =
        new AppMedia(
            false, Set.of(FileKind.IMAGE), 3, Set.of(FileTransfer.values()), true, true, "", "");
    CreatedApp withMedia =
        admin.createApp(new NewApp("Voice", null, AppMode.CHAT, null, null, null, null), speech);
    AppId id = withMedia.app().id();
    assertThat(files.mediaOf(id)).isEqualTo(speech);
    assertThat(auth.authenticate(withMedia.key().plainKey()).id()).isEqualTo(id);

    AppWithMedia renamed =
        admin.updateApp(
            id,
            new AppPatch(
                new AppUpdate("Voice 2", null, null, null, null, null, null, null),
                null,
                new AppMediaPatch(null, null, null, null, null, false, null, null)));
    assertThat(renamed.app().name()).isEqualTo("Voice 2");
    AppMedia quiet =
        new AppMedia(
            false, Set.of(FileKind.IMAGE), 3, Set.of(FileTransfer.values()), true, false, "", "");
    assertThat(renamed.media()).as("the patch merged into the stored switches").isEqualTo(quiet);
    assertThat(files.mediaOf(id)).isEqualTo(quiet);
    assertThatThrownBy(
            () -> admin.updateApp(AppId.random(), AppPatch.media(AppMediaPatch.replacing(speech))))
        .isInstanceOf(NotFoundException.class);
  }

  @Test
  @DisplayName("a create whose one write fails leaves no app behind (nothing written apart)")
  void failedSetupCreatesNothing() {
    InMemoryStore empty = new InMemoryStore();
    AppSetupPort away =
        new AppSetupPort() {
          @Override
          public AppWithKey createApp(NewApp app, NewApiKey firstKey, AppMedia media) {
            throw new StorageUnavailableException("database away", null);
          }

          @Override
          public Optional<AppWithMedia> updateApp(AppId id, AppPatch patch) {
            throw new StorageUnavailableException("database away", null);
          }
        };
    ManageAppsService failing = new ManageAppsService(empty, empty, empty, away, NO_METERS);

    assertThatThrownBy(
            () ->
                failing.createApp(
                    new NewApp("Lost", null, AppMode.CHAT, null, null, null, null), AppMedia.OFF))
        .isInstanceOf(StorageUnavailableException.class);
    assertThat(empty.listApps()).isEmpty();
  }

  @Test
  @DisplayName("a missing, unknown or revoked key is unauthorized")
  void badKeysAreUnauthorized() {
    IssuedKey second = admin.issueKey(created.app().id());
    admin.revokeKey(created.app().id(), second.id());

    assertThatThrownBy(() -> auth.authenticate(second.plainKey()))
        .isInstanceOf(UnauthorizedException.class);
    assertThatThrownBy(() -> auth.authenticate("app-unknown"))
        .isInstanceOf(UnauthorizedException.class);
    assertThatThrownBy(() -> auth.authenticate(" ")).isInstanceOf(UnauthorizedException.class);
    assertThatThrownBy(() -> auth.authenticate(null)).isInstanceOf(UnauthorizedException.class);
    assertThat(auth.authenticate(created.key().plainKey())).isNotNull();
  }

  @Test
  @DisplayName("a disabled app, or one with its API off, is unavailable")
  void disabledAppIsUnavailable() {
    AppId id = created.app().id();
    admin.updateApp(id, new AppUpdate(null, null, null, null, null, null, null, false));
    assertThatThrownBy(() -> auth.authenticate(created.key().plainKey()))
        .isInstanceOfSatisfying(
            AppUnavailableException.class, e -> assertThat(e.reason()).isEqualTo(Reason.API_OFF));

    admin.updateApp(
        id, new AppUpdate(null, null, null, null, null, null, AppStatus.DISABLED, false));
    assertThatThrownBy(() -> auth.authenticate(created.key().plainKey()))
        .as("the status is checked first, as Dify does")
        .isInstanceOfSatisfying(
            AppUnavailableException.class, e -> assertThat(e.reason()).isEqualTo(Reason.DISABLED));
  }

  @Test
  @DisplayName("a known key whose app is gone is unavailable (gone), not unauthorized")
  void keyOfAGoneAppIsUnavailable() {
    AppsPort noApps =
        new AppsPort() {
          @Override
          public AppId createApp(NewApp app) {
            throw new UnsupportedOperationException();
          }

          @Override
          public Optional<App> findApp(AppId id) {
            return Optional.empty();
          }

          @Override
          public List<App> listApps() {
            return List.of();
          }

          @Override
          public Optional<App> updateApp(AppId id, AppUpdate update) {
            return Optional.empty();
          }
        };

    assertThatThrownBy(
            () -> new AuthenticateAppService(store, noApps).authenticate(created.key().plainKey()))
        .isInstanceOfSatisfying(
            AppUnavailableException.class, e -> assertThat(e.reason()).isEqualTo(Reason.GONE));
  }

  @Test
  @DisplayName("unknown apps and keys are not found")
  void unknownThingsAreNotFound() {
    AppId unknown = AppId.random();
    assertThatThrownBy(() -> admin.getApp(unknown)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(
            () ->
                admin.updateApp(
                    unknown, new AppUpdate("x", null, null, null, null, null, null, null)))
        .isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> admin.listKeys(unknown)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> admin.issueKey(unknown)).isInstanceOf(NotFoundException.class);
    assertThatThrownBy(() -> admin.revokeKey(created.app().id(), ApiKeyId.random()))
        .isInstanceOf(NotFoundException.class);
    assertThat(admin.listApps()).extracting(a -> a.app().name()).containsExactly("Support bot");
  }

  @Test
  @DisplayName("the list shows each app with its media switches, off where never set")
  void listShowsMedia() {
    AppId second =
        admin
            .createApp(new NewApp("Voice bot", null, AppMode.CHAT, null, null, null, null))
            .app()
            .id();
    AppMedia speech =
        new AppMedia(
            false,
            Set.of(FileKind.IMAGE),
            3,
            Set.of(FileTransfer.LOCAL_FILE),
            true,
            true,
            "nova",
            "");
    files.saveMedia(second, speech);

    assertThat(admin.listApps())
        .extracting(AppWithMedia::media)
        .containsExactly(AppMedia.OFF, speech);
    AppsPage second2 = admin.listApps(2, 1);
    assertThat(second2.items()).extracting(AppWithMedia::media).containsExactly(speech);
    assertThat(second2.total()).isEqualTo(2);
    assertThat(second2.hasMore()).isFalse();
    assertThat(admin.listApps(1, 1).hasMore()).isTrue();
  }

  @Test
  @DisplayName("a page or limit out of range is invalid input")
  void pageAndLimitAreChecked() {
    assertThatThrownBy(() -> admin.listApps(0, 20)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> admin.listApps(1, 0)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> admin.listApps(1, 101)).isInstanceOf(InvalidInputException.class);
  }
}
