package dev.shortlease.adapter.web;

import dev.shortlease.domain.App;

/** Web adapter: which endpoints an app's mode may use, answered with Dify's error codes. */
final class Modes {
  private Modes() {}

  /** Chat and conversation endpoints: {@code not_chat_app} for a completion app. */
  static void requireChat(App app) {
    if (!app.mode().isConversational()) {
      throw new ApiException(ApiError.notChatApp());
    }
  }

  /** Completion endpoints: Dify answers {@code app_unavailable} for a chat app. */
  static void requireCompletion(App app) {
    if (app.mode().isConversational()) {
      throw new ApiException(ApiError.appUnavailable());
    }
  }
}
