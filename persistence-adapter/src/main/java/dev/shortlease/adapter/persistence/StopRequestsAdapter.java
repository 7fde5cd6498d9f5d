package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.StopRequest;
import dev.shortlease.domain.TaskId;
import dev.shortlease.domain.port.StopRequestsPort;
import java.time.Instant;
import java.util.List;

/**
 * Persistence adapter: the stop requests every instance can see. Each call is one short stateless
 * transaction; the poll is an indexed range read on {@code requested_at}.
 */
final class StopRequestsAdapter implements StopRequestsPort {
  private final SessionScope scope;

  StopRequestsAdapter(SessionScope scope) {
    this.scope = scope;
  }

  @Override
  public void requestStop(StopRequest request) {
    try {
      scope.callStateless(
          session -> {
            StopRequestEntity row = new StopRequestEntity();
            row.taskId = request.taskId().value();
            row.appId = request.appId().value();
            row.endUser = request.user();
            session.insert(row);
            return null;
          });
    } catch (RuntimeException e) {
      if (!SessionScope.isUniqueViolation(e)) {
        throw e; // the same task asked twice: the first request stands
      }
    }
  }

  @Override
  public List<StopRequest> stopRequestsSince(Instant since) {
    return scope.callStateless(
        session ->
            session
                .createSelectionQuery(
                    "from StopRequestEntity s where s.requestedAt > :since order by s.requestedAt",
                    StopRequestEntity.class)
                .setParameter("since", since)
                .getResultList()
                .stream()
                .map(
                    row ->
                        new StopRequest(new AppId(row.appId), row.endUser, new TaskId(row.taskId)))
                .toList());
  }

  @Override
  public int forgetStopRequestsBefore(Instant before) {
    return scope.callStateless(
        session ->
            session
                .createNativeMutationQuery(
                    "delete from {h-schema}stop_request where requested_at < :before")
                .setParameter("before", before)
                .executeUpdate());
  }
}
