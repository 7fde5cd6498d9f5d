package dev.shortlease.application.port.in;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;

/** Use case: read and change an app's media switches (admin API, {@code /parameters}). */
public interface ConfigureAppMediaUseCase {

  /** The app's switches ({@link AppMedia#OFF} until set). */
  AppMedia mediaOf(AppId appId);

  /**
   * Replaces the app's switches (the admin API reads them, applies its changes, saves them).
   *
   * @throws dev.shortlease.domain.NotFoundException when the app does not exist
   */
  AppMedia saveMedia(AppId appId, AppMedia media);
}
