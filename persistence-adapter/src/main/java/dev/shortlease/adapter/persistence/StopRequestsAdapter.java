package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.StopRequest;
import dev.shortlease.domain.TaskId;
import dev.shortlease.domain.port.StopRequestsPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.hibernate.StatelessSession;

/**
 * Persistence adapter: the stop requests every instance can see. Each call is one short stateless
 * transaction. The poll reads by primary key only the rows that would stop a run of the caller, so
 * requests for other tasks, however many, cost it nothing; every age is the database's clock.
 */
final class StopRequestsAdapter implements StopRequestsPort {
  /** Task IDs per statement: far below any driver's parameter limit. */
  static final int CANDIDATES_PER_QUERY = 500;

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
    List<UUID> tasks = wanted.stream().map(c -> c.taskId().value()).distinct().toList();
    return scope.callStateless(
        session -> {
          List<StopRequest> found = new ArrayList<>();
          for (int from = 0; from < tasks.size(); from += CANDIDATES_PER_QUERY) {
            List<UUID> chunk =
                tasks.subList(from, Math.min(tasks.size(), from + CANDIDATES_PER_QUERY));
            for (StopRequest row : recent(session, chunk, window)) {
              if (wanted.contains(row)) { // a stop by someone else for this task stops nothing
                found.add(row);
              }
            }
          }
          return found;
        });
  }

  /**
   * One query text whatever the candidates: Hibernate translates it once and caches the plan (the
   * first version wrote a tuple per candidate into the HQL, so every poll — twice a second at a
   * thousand running chats — parsed and translated a new 1,500-parameter query). Rows are matched
   * to the candidates' app and user in Java; a task has at most a few rows, one per sender.
   */
  private static List<StopRequest> recent(
      StatelessSession session, List<UUID> tasks, Duration window) {
    return session
        .createSelectionQuery(
            "select s.taskId, s.appId, s.endUser from StopRequestEntity s"
                + " where s.requestedAt > instant - :windowNanos nanosecond and s.taskId in :tasks",
            Object[].class)
        .setParameter("windowNanos", window.toNanos())
        .setParameterList("tasks", tasks)
        .getResultList()
        .stream()
        .map(
            row ->
                new StopRequest(
                    new AppId((UUID) row[1]), (String) row[2], new TaskId((UUID) row[0])))
        .toList();
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
