package dev.shortlease.domain;

import java.util.Objects;

/**
 * The owner chain of conversations and messages (rule R4): every read and write of them is scoped
 * by the app and the end user, so another app's key or another user sees "not found".
 */
public record Owner(AppId appId, EndUserId endUserId) {
  public Owner {
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(endUserId, "endUserId");
  }
}
