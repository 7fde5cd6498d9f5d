package dev.shortlease.application.port.in;

import dev.shortlease.domain.AppMode;
import java.util.Objects;

/**
 * The endpoint does not fit the app's mode: a chat call to a completion app, or a completion call
 * to a chat or agent-chat app. The web adapter answers Dify's 400: {@code not_chat_app} for the
 * first, {@code app_unavailable} for the second ({@link #chatRequested()} tells which).
 */
public final class AppModeMismatchException extends RuntimeException {
  private final AppMode appMode;
  private final boolean chatRequested;

  public AppModeMismatchException(AppMode appMode, boolean chatRequested) {
    super(
        chatRequested
            ? "App mode " + appMode + " does not support chat messages"
            : "App mode " + appMode + " does not support completion messages");
    this.appMode = Objects.requireNonNull(appMode, "appMode");
    this.chatRequested = chatRequested;
  }

  public AppMode appMode() {
    return appMode;
  }

  /** True when a chat endpoint was called (the app is a completion app). */
  public boolean chatRequested() {
    return chatRequested;
  }
}
