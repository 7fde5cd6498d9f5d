package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.AppId;
import java.sql.PreparedStatement;

/** Test support: many stop requests of random tasks written in one statement. */
final class StopRequestRows {
  /** H2's way to make {@code ?} rows of random UUIDs. */
  static final String H2 =
      "insert into stop_request (task_id, app_id, end_user)"
          + " select random_uuid(), ?, ? from system_range(1, ?)";

  /** PostgreSQL's way (13 and later). */
  static final String POSTGRES =
      "insert into stop_request (task_id, app_id, end_user)"
          + " select gen_random_uuid(), ?, ? from generate_series(1, ?)";

  private StopRequestRows() {}

  static void insertRandom(
      PersistenceContext context, String sql, AppId app, String user, int count) {
    context
        .sessionScope()
        .callStateless(
            session -> {
              session.doWork(
                  connection -> {
                    try (PreparedStatement insert = connection.prepareStatement(sql)) {
                      insert.setObject(1, app.value());
                      insert.setString(2, user);
                      insert.setInt(3, count);
                      insert.executeUpdate();
                    }
                  });
              return null;
            });
  }
}
