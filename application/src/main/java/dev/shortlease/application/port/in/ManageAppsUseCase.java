package dev.shortlease.application.port.in;

import dev.shortlease.domain.ApiKey;
import dev.shortlease.domain.ApiKeyId;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppUpdate;
import dev.shortlease.domain.AppWithMedia;
import dev.shortlease.domain.NewApp;
import java.util.List;

/** Use case (admin): create and configure apps, issue and revoke their keys. */
public interface ManageAppsUseCase {

  /** An app and its first key; the plain key exists only in this answer. */
  record CreatedApp(App app, IssuedKey key) {}

  /** A new key; {@code plainKey} is shown once and never stored. */
  record IssuedKey(ApiKeyId id, String plainKey) {}

  CreatedApp createApp(NewApp app);

  /** Every app with its media switches, oldest first, read at once (not one read per app). */
  List<AppWithMedia> listApps();

  /** Throws {@link dev.shortlease.domain.NotFoundException} for an unknown app. */
  App getApp(AppId id);

  App updateApp(AppId id, AppUpdate update);

  IssuedKey issueKey(AppId id);

  List<ApiKey> listKeys(AppId id);

  /** Throws {@link dev.shortlease.domain.NotFoundException} when the app has no such active key. */
  void revokeKey(AppId appId, ApiKeyId keyId);
}
