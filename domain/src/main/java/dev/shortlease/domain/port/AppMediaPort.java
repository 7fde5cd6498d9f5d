package dev.shortlease.domain.port;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.AppWithMedia;
import dev.shortlease.domain.AppsPage;
import java.util.List;

/** Outbound port: each app's media switches (files in chats, speech to text, text to speech). */
public interface AppMediaPort {

  /** The app's switches; {@link AppMedia#OFF} for an app that never set them. */
  AppMedia mediaOf(AppId appId);

  /**
   * Every app with its switches ({@link AppMedia#OFF} for one that never set them), oldest first:
   * one read for all of them, however many apps there are.
   */
  List<AppWithMedia> listAppsWithMedia();

  /**
   * Page {@code page} (from 1) of {@code limit} apps with their switches, in the order of {@link
   * #listAppsWithMedia()}, and the number of apps: one transaction.
   */
  AppsPage pageAppsWithMedia(int page, int limit);
}
