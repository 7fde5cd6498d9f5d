package dev.shortlease.domain.port;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.AppWithMedia;
import java.util.List;

/** Outbound port: each app's media switches (files in chats, speech to text, text to speech). */
public interface AppMediaPort {

  /** The app's switches; {@link AppMedia#OFF} for an app that never set them. */
  AppMedia mediaOf(AppId appId);

  /** Replaces the app's switches. */
  void saveMedia(AppId appId, AppMedia media);

  /**
   * Every app with its switches ({@link AppMedia#OFF} for one that never set them), oldest first:
   * one read for all of them, however many apps there are.
   */
  List<AppWithMedia> listAppsWithMedia();
}
