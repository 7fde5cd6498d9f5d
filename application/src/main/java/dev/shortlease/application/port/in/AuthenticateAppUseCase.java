package dev.shortlease.application.port.in;

import dev.shortlease.domain.App;

/** Use case: turn a bearer key into the app it opens. */
public interface AuthenticateAppUseCase {

  /**
   * The serving app whose active key this is. Throws {@link UnauthorizedException} for a missing,
   * unknown or revoked key, and {@link AppUnavailableException} for a disabled app.
   */
  App authenticate(String bearerKey);
}
