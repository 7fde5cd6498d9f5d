package dev.shortlease.application.admin;

import dev.shortlease.application.port.in.ManageAppsUseCase;
import dev.shortlease.application.port.out.ModelMetricsPort;
import dev.shortlease.domain.ApiKey;
import dev.shortlease.domain.ApiKeyHash;
import dev.shortlease.domain.ApiKeyId;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.AppPatch;
import dev.shortlease.domain.AppWithKey;
import dev.shortlease.domain.AppWithMedia;
import dev.shortlease.domain.AppsPage;
import dev.shortlease.domain.NewApiKey;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Page;
import dev.shortlease.domain.port.ApiKeysPort;
import dev.shortlease.domain.port.AppMediaPort;
import dev.shortlease.domain.port.AppSetupPort;
import dev.shortlease.domain.port.AppsPort;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Use case (admin): apps and their keys. A key is generated here, stored as its hash with a short
 * display prefix, and its plain text is returned once, never stored.
 */
public final class ManageAppsService implements ManageAppsUseCase {
  static final int PREFIX_LENGTH = 8;

  private final AppsPort apps;
  private final ApiKeysPort keys;
  private final AppMediaPort media;
  private final AppSetupPort setup;
  private final ModelMetricsPort modelMetrics;

  @Inject
  public ManageAppsService(
      AppsPort apps,
      ApiKeysPort keys,
      AppMediaPort media,
      AppSetupPort setup,
      ModelMetricsPort modelMetrics) {
    this.apps = apps;
    this.keys = keys;
    this.media = media;
    this.setup = setup;
    this.modelMetrics = modelMetrics;
  }

  /** One write for app, key and switches; the created app comes back from it, not a later read. */
  @Override
  public CreatedApp createApp(NewApp app, AppMedia switches) {
    Objects.requireNonNull(app, "app");
    String plainKey = ApiKeyHash.newPlainKey();
    AppWithKey created = setup.createApp(app, storedKey(plainKey), switches);
    return new CreatedApp(created.app(), new IssuedKey(created.keyId(), plainKey));
  }

  @Override
  public List<AppWithMedia> listApps() {
    return media.listAppsWithMedia();
  }

  @Override
  public AppsPage listApps(int page, int limit) {
    return media.pageAppsWithMedia(Page.requirePageNumber(page), Page.requireLimit(limit));
  }

  @Override
  public App getApp(AppId id) {
    return apps.findApp(id).orElseThrow(() -> new NotFoundException("app"));
  }

  /** The patch is merged by the store, on the app's row as it is then (ADR 0066). */
  @Override
  public AppWithMedia updateApp(AppId id, AppPatch patch) {
    AppWithMedia updated =
        setup.updateApp(id, patch).orElseThrow(() -> new NotFoundException("app"));
    if (patch.modelSettings() != null || patch.app().modelSettings() != null) {
      // The old model's series would stay until a restart: keep only the models apps still name.
      modelMetrics.retainModels(
          apps.listApps().stream().map(App::modelSettings).collect(Collectors.toSet()));
    }
    return updated;
  }

  @Override
  public IssuedKey issueKey(AppId id) {
    String plainKey = ApiKeyHash.newPlainKey();
    NewApiKey key = storedKey(plainKey);
    return new IssuedKey(keys.addKey(id, key.hash(), key.prefix()), plainKey);
  }

  /** What is stored of a key: its hash and display prefix, never the key. */
  private static NewApiKey storedKey(String plainKey) {
    return new NewApiKey(ApiKeyHash.of(plainKey), plainKey.substring(0, PREFIX_LENGTH));
  }

  @Override
  public List<ApiKey> listKeys(AppId id) {
    getApp(id);
    return keys.listKeys(id);
  }

  @Override
  public void revokeKey(AppId appId, ApiKeyId keyId) {
    if (!keys.revokeKey(appId, keyId)) {
      throw new NotFoundException("api key");
    }
  }
}
