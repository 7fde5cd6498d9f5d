package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.StopRequest;
import dev.shortlease.domain.TaskId;
import dev.shortlease.domain.port.StopRequestsPort;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.hibernate.StatelessSession;
import org.hibernate.query.SelectionQuery;

/**
 * Persistence adapter: the stop requests every instance can see. Each call is one short stateless
 * transaction. The poll reads by primary key only the rows that would stop a run of the caller, so
 * requests for other tasks, however many, cost it nothing; every age is the database's clock.
 */
final class StopRequestsAdapter implements StopRequestsPort {
  /** Candidates per statement: three parameters each, far below any driver's limit. */
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
    List<StopRequest> distinct = candidates.stream().distinct().toList();
    if (distinct.isEmpty()) {
      return List.of();
    }
    return scope.callStateless(
        session -> {
          List<StopRequest> found = new ArrayList<>();
          for (int from = 0; from < distinct.size(); from += CANDIDATES_PER_QUERY) {
            int to = Math.min(distinct.size(), from + CANDIDATES_PER_QUERY);
            found.addAll(recent(session, distinct.subList(from, to), window));
          }
          return found;
        });
  }

  private static List<StopRequest> recent(
      StatelessSession session, List<StopRequest> candidates, Duration window) {
    StringBuilder hql =
        new StringBuilder(
            "select s.taskId, s.appId, s.endUser from StopRequestEntity s"
                + " where s.requestedAt > instant - :windowNanos nanosecond"
                + " and (s.taskId, s.appId, s.endUser) in (");
    for (int i = 0; i < candidates.size(); i++) {
      hql.append(i == 0 ? "" : ", ").append("(:t").append(i).append(", :a").append(i);
      hql.append(", :u").append(i).append(')');
    }
    SelectionQuery<Object[]> query =
        session.createSelectionQuery(hql.append(')').toString(), Object[].class);
    query.setParameter("windowNanos", window.toNanos());
    for (int i = 0; i < candidates.size(); i++) {
      StopRequest candidate = candidates.get(i);
      query.setParameter("t" + i, candidate.taskId().value());
      query.setParameter("a" + i, candidate.appId().value());
      query.setParameter("u" + i, candidate.user());
    }
    return query.getResultList().stream()
        .map(
            row ->
                new StopRequest(
                    new AppId((java.util.UUID) row[1]),
                    (String) row[2],
                    new TaskId((java.util.UUID) row[0])))
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
