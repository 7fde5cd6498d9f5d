package dev.shortlease.adapter.web;

import dev.shortlease.application.port.in.AppUnavailableException;
import dev.shortlease.application.port.in.AuthenticateAppUseCase;
import dev.shortlease.application.port.in.UnauthorizedException;
import dev.shortlease.domain.App;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Web adapter: the two bearer credentials. An app key opens {@code /v1} for its app (hash lookup in
 * the use case); the admin token opens {@code /admin}, compared in constant time. Failed attempts
 * are counted per client address ({@link FailedAuthThrottle}): an address past the limit gets 429
 * before its key costs a database read.
 */
@Singleton // one throttle for every handler: failures anywhere count against the address
public final class ApiAuth {
  /** Dify's 401 texts (api/controllers/service_api/wraps.py, api/services/api_token_service.py). */
  static final String NO_BEARER = "Authorization header must be provided and start with 'Bearer'";

  static final String NOT_BEARER = "Authorization scheme must be 'Bearer'";
  static final String INVALID_TOKEN = "Access token is invalid";

  private final AuthenticateAppUseCase authenticate;
  private final byte[] adminTokenDigest;
  private final FailedAuthThrottle throttle;
  private final ClientAddress clients;

  @Inject
  public ApiAuth(
      AuthenticateAppUseCase authenticate, WebSettings settings, AuthThrottleSettings throttle) {
    this.authenticate = authenticate;
    this.adminTokenDigest = sha256(settings.adminToken());
    this.throttle =
        new FailedAuthThrottle(throttle.failureLimit(), throttle.window(), System::nanoTime);
    this.clients = new ClientAddress(throttle.trustedProxies());
  }

  /**
   * The app the request's key opens; 401 without a valid key, 403 naming why for an app that is
   * gone, disabled or has its API off (Dify's texts, api/controllers/service_api/wraps.py).
   */
  App app(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || header.strip().indexOf(' ') < 0) {
      throw new ApiException(ApiError.unauthorized(NO_BEARER));
    }
    String key = bearer(ctx);
    if (key == null) {
      throw new ApiException(ApiError.unauthorized(NOT_BEARER));
    }
    String client = admitted(ctx);
    try {
      return authenticate.authenticate(key);
    } catch (UnauthorizedException e) {
      throttle.recordFailure(client);
      throw e;
    } catch (AppUnavailableException e) {
      throw new ApiException(
          ApiError.forbidden(
              switch (e.reason()) {
                case GONE -> "The app no longer exists.";
                case DISABLED -> "The app's status is abnormal.";
                case API_OFF -> "The app's API service has been disabled.";
              }));
    }
  }

  void requireAdmin(Context ctx) {
    String client = admitted(ctx);
    String token = bearer(ctx);
    // Hashing both sides first makes the comparison constant-time whatever the lengths.
    if (token == null || !MessageDigest.isEqual(sha256(token), adminTokenDigest)) {
      throttle.recordFailure(client);
      throw new ApiException(ApiError.unauthorized("A valid admin token is required."));
    }
  }

  /** The request's client address, unless it is throttled: then 429 with {@code Retry-After}. */
  private String admitted(Context ctx) {
    String client = clients.of(ctx);
    long wait = throttle.refusedForSeconds(client);
    if (wait > 0) {
      ctx.header("Retry-After", Long.toString(wait));
      throw new ApiException(
          new ApiError(
              429,
              "too_many_requests",
              "Too many failed authentications from this address; retry in " + wait + " s."));
    }
    return client;
  }

  private static String bearer(Context ctx) {
    String header = ctx.header("Authorization");
    if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
      return null;
    }
    String token = header.substring(7).strip();
    return token.isEmpty() ? null : token;
  }

  private static byte[] sha256(String text) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every JVM", e);
    }
  }
}
