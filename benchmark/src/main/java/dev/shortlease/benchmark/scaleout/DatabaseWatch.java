package dev.shortlease.benchmark.scaleout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Scale-out run: watches the cluster's database directly (never through PgBouncer) on a connection
 * of its own, named so it is not counted — PostgreSQL backends of the cluster (sampled from {@code
 * pg_stat_activity}), the oldest message still {@code running}, and the saved answers at a moment,
 * to compare with later.
 */
final class DatabaseWatch implements AutoCloseable {
  static final String APPLICATION_NAME = "shortlease-scale-out-watch";

  private final Connection connection;
  private final AtomicInteger maxBackends = new AtomicInteger();
  private final AtomicLong maxRunningMillis = new AtomicLong();
  private final AtomicInteger samples = new AtomicInteger();

  DatabaseWatch(String databaseUrl) throws SQLException {
    String separator = databaseUrl.contains("?") ? "&" : "?";
    this.connection =
        DriverManager.getConnection(
            databaseUrl + separator + "ApplicationName=" + APPLICATION_NAME);
    connection.setAutoCommit(true);
  }

  /** One sample: backends and the age of the oldest running message. */
  synchronized void sample() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select (select count(*) from pg_stat_activity where datname = current_database()"
                    + " and application_name <> '"
                    + APPLICATION_NAME
                    + "' and backend_type = 'client backend'),"
                    + " (select coalesce(max(extract(epoch from (current_timestamp -"
                    + " created_at))) * 1000, 0) from message where status = 'RUNNING')")) {
      rs.next();
      maxBackends.accumulateAndGet(rs.getInt(1), Math::max);
      maxRunningMillis.accumulateAndGet(rs.getLong(2), Math::max);
      samples.incrementAndGet();
    }
  }

  int maxBackends() {
    return maxBackends.get();
  }

  long maxRunningMillis() {
    return maxRunningMillis.get();
  }

  int samples() {
    return samples.get();
  }

  /** The database's clock now. */
  synchronized Timestamp now() throws SQLException {
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("select current_timestamp")) {
      rs.next();
      return rs.getTimestamp(1);
    }
  }

  /** Every finished message: its ID to its status and a digest of its answer. */
  synchronized Map<String, String> finished() throws SQLException {
    Map<String, String> rows = new HashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select id, status || ':' || md5(answer) from message where status <> 'RUNNING'")) {
      while (rs.next()) {
        rows.put(rs.getString(1), rs.getString(2));
      }
    }
    return rows;
  }

  /** Messages created up to {@code time} (database clock) that are still running. */
  synchronized int runningSince(Timestamp time) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement(
            "select count(*) from message where status = 'RUNNING' and created_at <= ?")) {
      s.setTimestamp(1, time);
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  /** Messages by status. */
  synchronized Map<String, Integer> statuses() throws SQLException {
    Map<String, Integer> counts = new HashMap<>();
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery("select status, count(*) from message group by status")) {
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getInt(2));
      }
    }
    return counts;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
