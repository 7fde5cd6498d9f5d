package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.StopRequest;
import dev.shortlease.domain.TaskId;
import dev.shortlease.domain.port.StopRequestsPort;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Persistence adapter: the stop requests every instance can see. Each call is one short stateless
 * transaction. The poll reads by primary key only the rows that would stop a run of the caller, so
 * requests for other tasks, however many, cost it nothing; every age is the database's clock.
 */
final class StopRequestsAdapter implements StopRequestsPort {
  private final SessionScope scope;

  StopRequestsAdapter(SessionScope scope) {
    this.scope = scope;
  }

  /**
   * One transaction: stamp the request anew if it exists (sent again: a fresh window, in case the
   * first was missed), else insert it. Two senders racing on a new request both insert; the loser's
   * unique violation is dropped, the winner's row serves both.
   */
  @Override
  public void requestStop(StopRequest request) {
    try {
      scope.callStateless(
          session -> {
            int restamped =
                session
                    .createMutationQuery(
                        "update StopRequestEntity s set s.requestedAt = instant"
                            + " where s.taskId = :task and s.appId = :app and s.endUser = :user")
                    .setParameter("task", request.taskId().value())
                    .setParameter("app", request.appId().value())
                    .setParameter("user", request.user())
                    .executeUpdate();
            if (restamped == 0) {
              StopRequestEntity row = new StopRequestEntity();
              row.taskId = request.taskId().value();
              row.appId = request.appId().value();
              row.endUser = request.user();
              session.insert(row);
            }
            return null;
          });
    } catch (RuntimeException e) {
      if (!SessionScope.isUniqueViolation(e)) {
        throw e;
      }
    }
  }

  @Override
  public List<StopRequest> recentAmong(Collection<StopRequest> candidates, Duration window) {
    Set<StopRequest> wanted = new HashSet<>(candidates);
    if (wanted.isEmpty()) {
      return List.of();
    }
    UUID[] tasks = wanted.stream().map(c -> c.taskId().value()).distinct().toArray(UUID[]::new);
    return scope.callStateless(
        session ->
            session.doReturningWork(
                connection ->
                    recent(connection, tasks, window).stream()
                        .filter(wanted::contains) // a stop by someone else stops nothing
                        .toList()));
  }

  /**
   * The rows of {@code tasks} recorded within {@code window} of the database's clock. All task IDs
   * travel as one array parameter, so the statement is the same whatever their number and binding
   * costs one value, not one per running chat (at 10,000 open streams the per-ID binding of the
   * earlier HQL {@code in} list was a seventh of the service's CPU). The window is compared with
   * {@code current_timestamp} read in the same statement: a task has at most a few rows, one per
   * sender, so the older ones are dropped here rather than by dialect-specific interval SQL.
   */
  private static List<StopRequest> recent(Connection connection, UUID[] tasks, Duration window)
      throws SQLException {
    Array ids = connection.createArrayOf("uuid", tasks);
    try (PreparedStatement statement =
        connection.prepareStatement(
            "select task_id, app_id, end_user, requested_at, current_timestamp"
                + " from stop_request where task_id = any(?)")) {
      statement.setArray(1, ids);
      List<StopRequest> rows = new ArrayList<>();
      try (ResultSet row = statement.executeQuery()) {
        while (row.next()) {
          OffsetDateTime requestedAt = row.getObject(4, OffsetDateTime.class);
          OffsetDateTime now = row.getObject(5, OffsetDateTime.class);
          if (requestedAt.isAfter(now.minus(window))) {
            rows.add(
                new StopRequest(
                    new AppId(row.getObject(2, UUID.class)),
                    row.getString(3),
                    new TaskId(row.getObject(1, UUID.class))));
          }
        }
      }
      return rows;
    } finally {
      ids.free();
    }
  }

  @Override
  public int forgetOlderThan(Duration age) {
    return scope.callStateless(
        session ->
            session
                .createMutationQuery(
                    "delete from StopRequestEntity s where s.requestedAt < instant - :ageNanos nanosecond")
                .setParameter("ageNanos", age.toNanos())
                .executeUpdate());
  }
}
