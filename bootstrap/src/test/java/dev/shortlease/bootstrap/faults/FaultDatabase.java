package dev.shortlease.bootstrap.faults;

import dev.shortlease.adapter.persistence.PersistenceSettings;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * This test JVM's PostgreSQL schema, read directly (never through the proxy): what the database
 * holds after a fault, to compare with what the clients saw.
 */
final class FaultDatabase {
  private static final Pattern HOST_PORT =
      Pattern.compile("jdbc:postgresql://([^/:]+)(?::(\\d+))?/");

  /** A message as stored. */
  record Row(String status, String answer, String error) {}

  private final PersistenceSettings settings;

  FaultDatabase() {
    this(PostgresTestDatabase.settings()); // skips the test without PostgreSQL
  }

  /** Another database on the test server (the local cluster's own). */
  FaultDatabase(PersistenceSettings settings) {
    this.settings = settings;
  }

  /** The service's DATABASE_URL: this schema, straight to the server. */
  String url() {
    return withCredentials(settings.jdbcUrl());
  }

  /** The service's DATABASE_URL through a proxy on {@code port}. */
  String urlThrough(int port) {
    Matcher m = HOST_PORT.matcher(settings.jdbcUrl());
    if (!m.find()) {
      throw new IllegalStateException("unexpected JDBC URL " + settings.jdbcUrl());
    }
    return withCredentials(m.replaceFirst("jdbc:postgresql://127.0.0.1:" + port + "/"));
  }

  String host() {
    Matcher m = HOST_PORT.matcher(settings.jdbcUrl());
    m.find();
    return m.group(1);
  }

  int port() {
    Matcher m = HOST_PORT.matcher(settings.jdbcUrl());
    m.find();
    return m.group(2) == null ? 5432 : Integer.parseInt(m.group(2));
  }

  private String withCredentials(String url) {
    StringBuilder out = new StringBuilder(url);
    if (settings.user() != null && !url.contains("user=")) {
      out.append(url.contains("?") ? "&" : "?").append("user=").append(settings.user());
    }
    if (settings.password() != null && !settings.password().isEmpty()) {
      out.append("&password=").append(settings.password());
    }
    return out.toString();
  }

  private Connection connect() throws SQLException {
    return DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
  }

  /** The stored messages by ID (missing IDs are absent). */
  Map<String, Row> messages(Collection<String> ids) throws SQLException {
    Map<String, Row> rows = new HashMap<>();
    try (Connection c = connect();
        PreparedStatement select =
            c.prepareStatement("select status, answer, error from message where id = ?")) {
      for (String id : ids) {
        select.setObject(1, UUID.fromString(id));
        try (ResultSet rs = select.executeQuery()) {
          if (rs.next()) {
            rows.put(id, new Row(rs.getString(1), rs.getString(2), rs.getString(3)));
          }
        }
      }
    }
    return rows;
  }

  /** How many of {@code ids} are still {@code RUNNING}. */
  long running(Collection<String> ids) throws SQLException {
    return messages(ids).values().stream().filter(r -> r.status().equals("RUNNING")).count();
  }
}
