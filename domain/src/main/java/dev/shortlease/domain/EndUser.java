package dev.shortlease.domain;

import java.time.Instant;
import java.util.Objects;

/** A user of one app, known by the app's own {@code user} string (Dify's end user). */
public record EndUser(EndUserId id, AppId appId, String externalId, Instant createdAt) {

  public EndUser {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(appId, "appId");
    externalId = requireExternalId(externalId);
  }

  /** The {@code user} field clients send: required, trimmed, at most 255 characters. */
  public static String requireExternalId(String user) {
    return Texts.requireText(user, "user", 255);
  }
}
