package dev.shortlease.bootstrap;

import dev.shortlease.application.port.in.ManageAppsUseCase;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.NewApp;
import java.util.List;
import java.util.Optional;

/**
 * Start-up step: on a fresh database, creates a demo chat app and its key so that a newcomer can
 * chat at once. The key exists only in this answer (keys are stored hashed), so it is printed once.
 */
final class DemoApp {
  private DemoApp() {}

  /** The new app and key, or empty when some app already exists. */
  static Optional<ManageAppsUseCase.CreatedApp> createIfNoApps(ManageAppsUseCase apps) {
    if (!apps.listApps().isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        apps.createApp(
            new NewApp(
                "Demo chat",
                "Created on first start; answers with the configured model.",
                AppMode.CHAT,
                null,
                "You are a helpful assistant. Answer briefly.",
                "Hello! Ask me anything.",
                List.of("What can you do?", "Tell me a fun fact."))));
  }
}
