package dev.shortlease.application.files;

import dev.shortlease.application.port.in.ConfigureAppMediaUseCase;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.port.AppMediaPort;
import dev.shortlease.domain.port.AppsPort;
import jakarta.inject.Inject;

/** Use case: an app's media switches, read by {@code /parameters} and changed by the admin API. */
public final class ConfigureAppMediaService implements ConfigureAppMediaUseCase {
  private final AppsPort apps;
  private final AppMediaPort media;

  @Inject
  public ConfigureAppMediaService(AppsPort apps, AppMediaPort media) {
    this.apps = apps;
    this.media = media;
  }

  @Override
  public AppMedia mediaOf(AppId appId) {
    return media.mediaOf(appId);
  }

  @Override
  public AppMedia saveMedia(AppId appId, AppMedia switches) {
    apps.findApp(appId).orElseThrow(() -> new NotFoundException("app"));
    media.saveMedia(appId, switches);
    return switches;
  }
}
