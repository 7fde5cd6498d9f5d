package dev.shortlease.domain;

import java.util.Objects;

/**
 * An admin PATCH of an app: the app's fields ({@link AppUpdate}), and partial changes to its model
 * settings and media switches, each {@code null} when the request leaves them. The partial ones are
 * applied by the store to the row it holds locked, so two concurrent patches of different fields
 * both survive.
 */
public record AppPatch(AppUpdate app, ModelSettingsPatch modelSettings, AppMediaPatch media) {

  public AppPatch {
    Objects.requireNonNull(app, "app");
    if (modelSettings != null && app.modelSettings() != null) {
      throw new IllegalArgumentException("model settings given whole and as a patch");
    }
  }

  /** Only the app's fields; the switches stay. */
  public static AppPatch of(AppUpdate update) {
    return new AppPatch(update, null, null);
  }

  /** Only the switches. */
  public static AppPatch media(AppMediaPatch media) {
    return new AppPatch(AppUpdate.NONE, null, media);
  }

  /** {@code current} with this patch's app fields and model settings. */
  public App applyTo(App current) {
    App updated = app.applyTo(current);
    return modelSettings == null
        ? updated
        : updated.withModelSettings(modelSettings.applyTo(updated.modelSettings()));
  }

  /** {@code current} with this patch's switches. */
  public AppMedia applyTo(AppMedia current) {
    return media == null ? current : media.applyTo(current);
  }
}
