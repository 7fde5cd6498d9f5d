package dev.shortlease.domain;

import java.util.Objects;

/**
 * A key to store: its hash and a short, non-secret display prefix. The plain key never reaches a
 * port.
 */
public record NewApiKey(ApiKeyHash hash, String prefix) {
  public NewApiKey {
    Objects.requireNonNull(hash, "hash");
    Objects.requireNonNull(prefix, "prefix");
  }
}
