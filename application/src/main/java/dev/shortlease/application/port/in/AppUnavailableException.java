package dev.shortlease.application.port.in;

import dev.shortlease.domain.App;
import dev.shortlease.domain.AppStatus;

/**
 * The app exists but is disabled or has its API turned off (Dify's {@code app_unavailable}); {@link
 * #apiOnly()} says which, so the API can name it.
 */
public final class AppUnavailableException extends RuntimeException {
  private final boolean apiOnly;

  public AppUnavailableException(String message, boolean apiOnly) {
    super(message);
    this.apiOnly = apiOnly;
  }

  /** Why {@code app} serves no requests: disabled, else its API is off. */
  public static AppUnavailableException of(App app) {
    return app.status() == AppStatus.NORMAL
        ? new AppUnavailableException("the app's API is turned off", true)
        : new AppUnavailableException("the app is disabled", false);
  }

  /** True when the app is enabled but its API is turned off. */
  public boolean apiOnly() {
    return apiOnly;
  }
}
