package dev.shortlease.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * An app key as stored: its hash and a short display prefix, never the key itself. A revoked key
 * keeps its row (for audit) but no longer authenticates.
 */
public record ApiKey(
    ApiKeyId id,
    AppId appId,
    ApiKeyHash hash,
    String prefix,
    Instant createdAt,
    Instant revokedAt) {

  public ApiKey {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(appId, "appId");
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(prefix, "prefix");
  }

  public boolean isActive() {
    return revokedAt == null;
  }
}
