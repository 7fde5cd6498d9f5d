package dev.shortlease.domain.port;

import dev.shortlease.domain.App;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppUpdate;
import dev.shortlease.domain.NewApp;
import java.util.List;
import java.util.Optional;

/** Outbound port: the apps an operator configured. */
public interface AppsPort {

  /** Creates an app (status normal, API enabled) and returns its ID. */
  AppId createApp(NewApp app);

  Optional<App> findApp(AppId id);

  /** All apps, oldest first. */
  List<App> listApps();

  /** Applies {@code update} and returns the new state, or empty when the app does not exist. */
  Optional<App> updateApp(AppId id, AppUpdate update);
}
