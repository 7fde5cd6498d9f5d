package dev.shortlease.domain;

import java.util.Objects;

/** A created app as stored, and the ID of the first key stored with it. */
public record AppWithKey(App app, ApiKeyId keyId) {
  public AppWithKey {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(keyId, "keyId");
  }
}
