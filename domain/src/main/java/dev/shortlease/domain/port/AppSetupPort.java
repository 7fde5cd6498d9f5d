package dev.shortlease.domain.port;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.AppPatch;
import dev.shortlease.domain.AppWithKey;
import dev.shortlease.domain.AppWithMedia;
import dev.shortlease.domain.NewApiKey;
import dev.shortlease.domain.NewApp;
import java.util.Optional;

/**
 * Outbound port: the admin's changes that touch an app, its keys and its media switches together.
 * Each method is one transaction: it writes everything or, failing, nothing.
 */
public interface AppSetupPort {

  /**
   * Creates an app (status normal, API enabled) with its first key and, unless {@code media} is
   * null, its media switches; returns the app as stored.
   */
  AppWithKey createApp(NewApp app, NewApiKey firstKey, AppMedia media);

  /**
   * Applies {@code patch} to the app and its switches as stored when it runs, with the app's row
   * locked until the end of the transaction, so concurrent patches of one app run one after the
   * other and none loses another's change; returns the new state, or empty (nothing written) when
   * the app does not exist.
   */
  Optional<AppWithMedia> updateApp(AppId id, AppPatch patch);
}
