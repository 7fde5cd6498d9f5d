package dev.shortlease.application.port.in;

import dev.shortlease.domain.ApiKey;
import dev.shortlease.domain.ApiKeyId;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.AppPatch;
import dev.shortlease.domain.AppUpdate;
import dev.shortlease.domain.AppWithMedia;
import dev.shortlease.domain.AppsPage;
import dev.shortlease.domain.NewApp;
import java.util.List;

/** Use case (admin): create and configure apps, issue and revoke their keys. */
public interface ManageAppsUseCase {

  /** An app and its first key; the plain key exists only in this answer. */
  record CreatedApp(App app, IssuedKey key) {}

  /** A new key; {@code plainKey} is shown once and never stored. */
  record IssuedKey(ApiKeyId id, String plainKey) {}

  /** As {@link #createApp(NewApp, AppMedia)} with the switches left off. */
  default CreatedApp createApp(NewApp app) {
    return createApp(app, null);
  }

  /**
   * Creates the app, its first key and, unless {@code media} is null, its media switches, all or
   * none: a failed request leaves no app behind, nor a key whose plain text nobody saw.
   */
  CreatedApp createApp(NewApp app, AppMedia media);

  /** Every app with its media switches, oldest first, read at once (not one read per app). */
  List<AppWithMedia> listApps();

  /**
   * Page {@code page} (1..1,000,000) of {@code limit} (1..100) apps with their switches, oldest
   * first, and the number of apps.
   *
   * @throws dev.shortlease.domain.InvalidInputException for a page or limit out of range
   */
  AppsPage listApps(int page, int limit);

  /** Throws {@link dev.shortlease.domain.NotFoundException} for an unknown app. */
  App getApp(AppId id);

  /** As {@link #updateApp(AppId, AppPatch)} with the switches unchanged. */
  default App updateApp(AppId id, AppUpdate update) {
    return updateApp(id, AppPatch.of(update)).app();
  }

  /**
   * Applies {@code patch} to the app and its switches as they are stored when it runs, all or none,
   * and returns the new state: concurrent patches of other fields are not lost.
   *
   * @throws dev.shortlease.domain.NotFoundException for an unknown app
   */
  AppWithMedia updateApp(AppId id, AppPatch patch);

  IssuedKey issueKey(AppId id);

  List<ApiKey> listKeys(AppId id);

  /** Throws {@link dev.shortlease.domain.NotFoundException} when the app has no such active key. */
  void revokeKey(AppId appId, ApiKeyId keyId);
}
