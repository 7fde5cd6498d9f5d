package dev.shortlease.bootstrap;

import dev.shortlease.application.port.in.ManageAppsUseCase;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.AppWithMedia;
import dev.shortlease.domain.NewApp;
import java.util.List;
import java.util.Optional;

/**
 * Start-up step: on a fresh database, creates a demo chat app and its key so that a newcomer can
 * chat at once. The key exists only in this answer (keys are stored hashed), so it is printed once;
 * on later starts the banner names the demo app so a new key can be minted for it.
 */
final class DemoApp {
  /** The demo app's name: how a later start recognises it. */
  static final String NAME = "Demo chat";

  private DemoApp() {}

  /** What the start found or made, for the banner. */
  sealed interface Outcome {}

  /** This start created the demo app; its key is in here and nowhere else. */
  record Created(ManageAppsUseCase.CreatedApp app) implements Outcome {}

  /** An earlier start created the demo app; its key was shown then. */
  record Existing(AppId demoApp, int apps) implements Outcome {}

  /** Apps exist, none of them the demo app. */
  record OtherApps(int apps) implements Outcome {}

  /** No app at all (DEMO_APP=false on an empty database). */
  record NoApps() implements Outcome {}

  /** Creates the demo app when {@code create} and no app exists; says what there is. */
  static Outcome prepare(ManageAppsUseCase apps, boolean create) {
    List<App> existing = apps.listApps().stream().map(AppWithMedia::app).toList();
    if (existing.isEmpty()) {
      return create ? new Created(apps.createApp(demo())) : new NoApps();
    }
    return existing.stream()
        .filter(app -> NAME.equals(app.name()))
        .findFirst()
        .<Outcome>map(app -> new Existing(app.id(), existing.size()))
        .orElseGet(() -> new OtherApps(existing.size()));
  }

  /** The app this start created, if any. */
  static Optional<ManageAppsUseCase.CreatedApp> created(Outcome outcome) {
    return outcome instanceof Created created ? Optional.of(created.app()) : Optional.empty();
  }

  private static NewApp demo() {
    return new NewApp(
        NAME,
        "Created on first start; answers with the configured model.",
        AppMode.CHAT,
        null,
        "You are a helpful assistant. Answer briefly.",
        "Hello! Ask me anything.",
        List.of("What can you do?", "Tell me a fun fact."));
  }
}
