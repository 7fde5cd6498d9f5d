package dev.shortlease.application.port.in;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;

/**
 * Use case: read an app's media switches (admin API, {@code /parameters}); the admin API changes
 * them through {@link ManageAppsUseCase#updateApp(dev.shortlease.domain.AppId,
 * dev.shortlease.domain.AppPatch)}.
 */
public interface ConfigureAppMediaUseCase {

  /** The app's switches ({@link AppMedia#OFF} until set). */
  AppMedia mediaOf(AppId appId);
}
