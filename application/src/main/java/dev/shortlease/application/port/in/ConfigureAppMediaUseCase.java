package dev.shortlease.application.port.in;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;
import java.util.function.UnaryOperator;

/** Use case: read and change an app's media switches (admin API, {@code /parameters}). */
public interface ConfigureAppMediaUseCase {

  /** The app's switches ({@link AppMedia#OFF} until set). */
  AppMedia mediaOf(AppId appId);

  /** Applies {@code change} to the app's switches and saves the result. */
  AppMedia changeMedia(AppId appId, UnaryOperator<AppMedia> change);
}
