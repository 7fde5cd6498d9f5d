package dev.shortlease.application.admin;

import dev.shortlease.application.port.in.AppUnavailableException;
import dev.shortlease.application.port.in.AuthenticateAppUseCase;
import dev.shortlease.application.port.in.UnauthorizedException;
import dev.shortlease.domain.ApiKeyHash;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.port.ApiKeysPort;
import dev.shortlease.domain.port.AppsPort;
import jakarta.inject.Inject;

/**
 * Use case: a bearer key to its app (T1): the key's app ID by its hash, then the app. Both ports
 * are called on every request; the persistence adapter may answer from its short-lived app cache,
 * so a revoked key or a disabled app is refused at once by the instance that changed it and by the
 * others within {@code APP_CACHE_TTL_MS}.
 */
public final class AuthenticateAppService implements AuthenticateAppUseCase {
  private final ApiKeysPort keys;
  private final AppsPort apps;

  @Inject
  public AuthenticateAppService(ApiKeysPort keys, AppsPort apps) {
    this.keys = keys;
    this.apps = apps;
  }

  @Override
  public App authenticate(String bearerKey) {
    if (bearerKey == null || bearerKey.isBlank() || bearerKey.length() > 512) {
      throw new UnauthorizedException("Access token is missing or invalid.");
    }
    AppId appId =
        keys.findAppIdByKey(ApiKeyHash.of(bearerKey.strip()))
            .orElseThrow(() -> new UnauthorizedException("Access token is invalid."));
    // A known key whose app is gone is Dify's 403, not an invalid key: the key was real.
    App app =
        apps.findApp(appId)
            .orElseThrow(() -> new AppUnavailableException(AppUnavailableException.Reason.GONE));
    if (!app.isServing()) {
      throw AppUnavailableException.of(app);
    }
    return app;
  }
}
