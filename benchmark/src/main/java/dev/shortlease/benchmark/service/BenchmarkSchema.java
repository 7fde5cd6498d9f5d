package dev.shortlease.benchmark.service;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Benchmark harness: a fresh PostgreSQL schema for one service process, so runs never see each
 * other's rows or other helpers' tests, dropped when the run ends.
 */
public final class BenchmarkSchema implements AutoCloseable {

  private final String adminUrl;
  private final String name;

  private BenchmarkSchema(String adminUrl, String name) {
    this.adminUrl = adminUrl;
    this.name = name;
  }

  public static BenchmarkSchema create(String adminUrl, String label) throws SQLException {
    String name =
        "bench_%s_%08x"
            .formatted(
                label.replaceAll("[^A-Za-z0-9_]", "_"), // spring-osiv → a plain SQL identifier
                ThreadLocalRandom.current().nextInt() & 0x7fffffff);
    try (Connection c = DriverManager.getConnection(adminUrl);
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + name);
    }
    return new BenchmarkSchema(adminUrl, name);
  }

  public String name() {
    return name;
  }

  /**
   * The service's JDBC URL: this schema first on the search path, and an application name unique to
   * the run so {@code pg_stat_activity} counts exactly the service's backends.
   */
  public String serviceUrl(String applicationName) {
    String separator = adminUrl.contains("?") ? "&" : "?";
    return adminUrl + separator + "currentSchema=" + name + "&ApplicationName=" + applicationName;
  }

  @Override
  public void close() throws SQLException {
    try (Connection c = DriverManager.getConnection(adminUrl);
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + name + " CASCADE");
    }
  }
}
