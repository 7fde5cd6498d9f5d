package dev.shortlease.domain.port;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.EndUserId;
import java.util.Optional;

/** Outbound port: the end users of an app, known by the app's {@code user} string. */
public interface EndUsersPort {

  /** The end user, if this app has seen it; reads never create users. */
  Optional<EndUserId> findEndUser(AppId appId, String externalId);
}
