package dev.shortlease.domain;

import java.util.Objects;

/** An app with its media switches: the whole app as the admin API shows it. */
public record AppWithMedia(App app, AppMedia media) {
  public AppWithMedia {
    Objects.requireNonNull(app, "app");
    Objects.requireNonNull(media, "media");
  }
}
