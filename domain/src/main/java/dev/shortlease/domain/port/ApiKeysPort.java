package dev.shortlease.domain.port;

import dev.shortlease.domain.ApiKey;
import dev.shortlease.domain.ApiKeyHash;
import dev.shortlease.domain.ApiKeyId;
import dev.shortlease.domain.AppId;
import java.util.List;
import java.util.Optional;

/** Outbound port: app keys, stored as hashes only. */
public interface ApiKeysPort {

  /**
   * Stores a new key for an existing app; {@code prefix} is a short, non-secret start of the key
   * shown in listings. Throws {@link dev.shortlease.domain.NotFoundException} for an unknown app.
   */
  ApiKeyId addKey(AppId appId, ApiKeyHash hash, String prefix);

  /** Keys of one app, active and revoked, oldest first. */
  List<ApiKey> listKeys(AppId appId);

  /** Revokes a key of this app; false when no such active key belongs to it. */
  boolean revokeKey(AppId appId, ApiKeyId keyId);

  /** The app an active key belongs to (T1 of every request). */
  Optional<AppId> findAppIdByKey(ApiKeyHash hash);
}
