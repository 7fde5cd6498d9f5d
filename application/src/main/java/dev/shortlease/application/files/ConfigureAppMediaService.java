package dev.shortlease.application.files;

import dev.shortlease.application.port.in.ConfigureAppMediaUseCase;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.port.AppMediaPort;
import jakarta.inject.Inject;

/** Use case: an app's media switches, read by {@code /parameters} and the admin API. */
public final class ConfigureAppMediaService implements ConfigureAppMediaUseCase {
  private final AppMediaPort media;

  @Inject
  public ConfigureAppMediaService(AppMediaPort media) {
    this.media = media;
  }

  @Override
  public AppMedia mediaOf(AppId appId) {
    return media.mediaOf(appId);
  }
}
