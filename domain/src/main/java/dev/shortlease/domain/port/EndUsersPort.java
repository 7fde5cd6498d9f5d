package dev.shortlease.domain.port;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.EndUser;
import dev.shortlease.domain.EndUserId;
import java.util.Optional;

/** Outbound port: the end users of an app, known by the app's {@code user} string. */
public interface EndUsersPort {

  /** The end user, if this app has seen it; reads never create users. */
  Optional<EndUserId> findEndUser(AppId appId, String externalId);

  /** The end user with this ID, if it is one of this app's (another app's reads as missing). */
  Optional<EndUser> getEndUser(AppId appId, EndUserId id);
}
