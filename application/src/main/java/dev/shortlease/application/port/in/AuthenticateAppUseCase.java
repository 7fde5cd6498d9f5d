package dev.shortlease.application.port.in;

import dev.shortlease.domain.App;

/** Use case: turn a bearer key into the app it opens. */
public interface AuthenticateAppUseCase {

  /**
   * The serving app whose active key this is. Throws {@link UnauthorizedException} for a missing,
   * unknown or revoked key, and {@link AppUnavailableException} for an app that is gone, disabled
   * or has its API off.
   */
  App authenticate(String bearerKey);
}
