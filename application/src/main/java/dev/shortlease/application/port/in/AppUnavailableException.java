package dev.shortlease.application.port.in;

import dev.shortlease.domain.App;
import dev.shortlease.domain.AppStatus;

/**
 * A key's app serves no requests: it is gone, disabled, or has its API turned off (Dify's {@code
 * app_unavailable}); {@link #reason()} says which, so the API can name it.
 */
public final class AppUnavailableException extends RuntimeException {

  /**
   * Why the app serves nothing, in the order Dify checks (api/controllers/service_api/wraps.py).
   */
  public enum Reason {
    /** The key is still known (a cache, another instance) but its app's row is not. */
    GONE,
    DISABLED,
    API_OFF
  }

  private final Reason reason;

  public AppUnavailableException(Reason reason) {
    super(
        switch (reason) {
          case GONE -> "the app no longer exists";
          case DISABLED -> "the app is disabled";
          case API_OFF -> "the app's API is turned off";
        });
    this.reason = reason;
  }

  /** Why {@code app} serves no requests: disabled, else its API is off. */
  public static AppUnavailableException of(App app) {
    return new AppUnavailableException(
        app.status() == AppStatus.NORMAL ? Reason.API_OFF : Reason.DISABLED);
  }

  public Reason reason() {
    return reason;
  }
}
