package dev.shortlease.benchmark.service;

import dev.shortlease.domain.ApiKeyHash;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Benchmark harness: a chat app and its key written straight into a point's schema, for services
 * without an admin API ({@link ServiceLaunch.Apps#DATABASE_SEED}). Only the hash is stored, as the
 * service stores it.
 */
public final class SeededApp {

  private SeededApp() {}

  /** Inserts an enabled chat app and one key for it; returns the plain key. */
  public static String create(String schemaUrl, String name) throws SQLException {
    UUID app = UUID.randomUUID();
    String key = ApiKeyHash.newPlainKey();
    try (Connection c = DriverManager.getConnection(schemaUrl)) {
      try (PreparedStatement s =
          c.prepareStatement(
              "insert into app (id, name, mode, model, status, api_enabled)"
                  + " values (?, ?, 'chat', 'simulated', 'NORMAL', true)")) {
        s.setObject(1, app);
        s.setString(2, name);
        s.executeUpdate();
      }
      try (PreparedStatement s =
          c.prepareStatement(
              "insert into api_key (id, app_id, hash, prefix) values (?, ?, ?, ?)")) {
        s.setObject(1, UUID.randomUUID());
        s.setObject(2, app);
        s.setString(3, ApiKeyHash.of(key).hex());
        s.setString(4, key.substring(0, 8));
        s.executeUpdate();
      }
    }
    return key;
  }
}
