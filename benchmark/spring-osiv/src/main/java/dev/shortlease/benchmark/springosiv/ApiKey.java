package dev.shortlease.benchmark.springosiv;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.Instant;
import java.util.UUID;

/** Row of {@code api_key}: the SHA-256 of an app key (never the key itself) and its prefix. */
@Entity
public class ApiKey {

  @Id
  @GeneratedValue(strategy = GenerationType.UUID)
  private UUID id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  private App app;

  private String hash;

  private String prefix;

  private Instant revokedAt;

  protected ApiKey() {}

  public ApiKey(App app, String hash, String prefix) {
    this.app = app;
    this.hash = hash;
    this.prefix = prefix;
  }

  public App getApp() {
    return app;
  }
}
