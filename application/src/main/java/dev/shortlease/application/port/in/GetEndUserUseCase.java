package dev.shortlease.application.port.in;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.EndUser;
import dev.shortlease.domain.EndUserId;
import java.util.Optional;

/** Use case: one of the app's end users by ID (another app's reads as missing). */
public interface GetEndUserUseCase {

  Optional<EndUser> get(AppId appId, EndUserId id);
}
