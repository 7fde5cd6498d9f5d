package dev.shortlease.benchmark;

import dev.shortlease.adapter.persistence.PersistenceSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/** Test support for runs of the benchmark against the test database. */
public final class BenchTestSupport {

  private BenchTestSupport() {}

  /** The server's URL without the test schema (each point makes its own), user in the URL. */
  public static String adminUrl(PersistenceSettings db) {
    String url = db.jdbcUrl().replaceAll("[?&]currentSchema=[^&]*", "");
    if (!url.contains("?") && url.contains("&")) {
      url = url.replaceFirst("&", "?");
    }
    if (db.user() != null) {
      url += (url.contains("?") ? "&" : "?") + "user=" + db.user();
      if (db.password() != null) {
        url += "&password=" + db.password();
      }
    }
    return url;
  }

  /** Surefire runs tests through a manifest-only jar; the real test classpath is this property. */
  public static String childClasspath() {
    return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
  }

  /** Messages left {@code RUNNING} and messages in total in a point's schema, before its drop. */
  public static long[] runningAndTotalMessages(String schemaUrl, String schema) throws Exception {
    try (Connection c = DriverManager.getConnection(schemaUrl);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT count(*) FILTER (WHERE upper(status) = 'RUNNING'), count(*) FROM "
                    + schema
                    + ".message")) {
      rs.next();
      return new long[] {rs.getLong(1), rs.getLong(2)};
    }
  }
}
