package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.AppMode;

/**
 * Persistence adapter: the values {@code app.mode} stores. Spelled out here, not derived from the
 * enum's names or from any wire format, so renaming a constant or changing the API never changes
 * stored data; existing rows hold exactly these strings.
 */
final class StoredAppMode {
  private StoredAppMode() {}

  static String of(AppMode mode) {
    return switch (mode) {
      case CHAT -> "chat";
      case AGENT_CHAT -> "agent-chat";
      case COMPLETION -> "completion";
    };
  }

  static AppMode from(String stored) {
    return switch (stored) {
      case "chat" -> AppMode.CHAT;
      case "agent-chat" -> AppMode.AGENT_CHAT;
      case "completion" -> AppMode.COMPLETION;
      case null, default ->
          throw new IllegalStateException("stored app mode is unknown: " + stored);
    };
  }
}
