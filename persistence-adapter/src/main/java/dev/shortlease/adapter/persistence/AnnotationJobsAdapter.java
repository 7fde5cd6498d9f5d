package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.AnnotationJob;
import dev.shortlease.domain.AnnotationJobId;
import dev.shortlease.domain.AnnotationJobStatus;
import dev.shortlease.domain.AnnotationReplyAction;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.port.AnnotationJobsPort;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Optional;

/**
 * Persistence adapter: annotation reply jobs, each call one short transaction. Whether a job is
 * stale is decided in the query against the database's {@code instant} ({@code current_timestamp}),
 * the clock that stamps {@code updated_at}; only the age is bound, in nanoseconds, and Hibernate
 * writes the arithmetic for each dialect.
 */
final class AnnotationJobsAdapter implements AnnotationJobsPort {
  private final SessionScope scope;

  AnnotationJobsAdapter(SessionScope scope) {
    this.scope = scope;
  }

  /**
   * One transaction that first locks the app's row, so concurrent starts for the app take turns:
   * the second one's check, made once the first has committed, finds the first one's job. On
   * PostgreSQL {@code for no key update}, which does not hold back inserts that reference the app
   * (messages, conversations); H2 has only {@code for update}. Both wait at most the lock timeout.
   */
  @Override
  public AnnotationJob startJob(
      AnnotationJobId id, AppId app, AnnotationReplyAction action, Duration staleAfter) {
    return scope.call(
        em -> {
          lockApp(em, app);
          Optional<AnnotationJob> active = activeJob(em, app, action, staleAfter);
          if (active.isPresent()) {
            return active.get();
          }
          AnnotationJobEntity row = new AnnotationJobEntity();
          row.id = id.value();
          row.appId = app.value();
          row.action = action.name();
          row.status = AnnotationJobStatus.WAITING.name();
          row.errorMessage = "";
          em.persist(row);
          em.flush(); // the database fills the times
          return toJob(row, false);
        });
  }

  private void lockApp(EntityManager em, AppId app) {
    String lock = scope.database().isPostgresql() ? "for no key update" : "for update";
    boolean found =
        !em.createNativeQuery("select id from {h-schema}app where id = :id " + lock)
            .setParameter("id", app.value())
            .getResultList()
            .isEmpty();
    if (!found) {
      throw new NotFoundException("app");
    }
  }

  @Override
  public boolean updateJob(AnnotationJobId id, AnnotationJobStatus status, String errorMessage) {
    return scope.call(
        em ->
            em.createNativeQuery(
                        "update {h-schema}annotation_job set status = :status,"
                            + " error_message = :error, updated_at = current_timestamp"
                            + " where id = :id")
                    .setParameter("status", status.name())
                    .setParameter("error", errorMessage == null ? "" : errorMessage)
                    .setParameter("id", id.value())
                    .executeUpdate()
                == 1);
  }

  @Override
  public Optional<AnnotationJob> findJob(AppId app, AnnotationJobId id, Duration staleAfter) {
    return scope.call(
        em ->
            em
                .createQuery(
                    "select j, case when j.status in ('WAITING', 'PROCESSING')"
                        + " and j.updatedAt < instant - :staleNanos nanosecond"
                        + " then true else false end"
                        + " from AnnotationJobEntity j where j.id = :id and j.appId = :app",
                    Object[].class)
                .setParameter("id", id.value())
                .setParameter("app", app.value())
                .setParameter("staleNanos", staleAfter.toNanos())
                .getResultList()
                .stream()
                .findFirst()
                .map(row -> toJob((AnnotationJobEntity) row[0], (Boolean) row[1])));
  }

  /**
   * The app's newest waiting or processing job of {@code action} updated less than {@code
   * staleAfter} ago by the database's clock.
   */
  private static Optional<AnnotationJob> activeJob(
      EntityManager em, AppId app, AnnotationReplyAction action, Duration staleAfter) {
    return em
        .createQuery(
            "from AnnotationJobEntity j where j.appId = :app and j.action = :action"
                + " and j.status in ('WAITING', 'PROCESSING')"
                + " and j.updatedAt > instant - :staleNanos nanosecond"
                + " order by j.updatedAt desc",
            AnnotationJobEntity.class)
        .setParameter("app", app.value())
        .setParameter("action", action.name())
        .setParameter("staleNanos", staleAfter.toNanos())
        .setMaxResults(1)
        .getResultList()
        .stream()
        .findFirst()
        .map(row -> toJob(row, false));
  }

  private static AnnotationJob toJob(AnnotationJobEntity row, boolean stalled) {
    return new AnnotationJob(
        new AnnotationJobId(row.id),
        new AppId(row.appId),
        AnnotationReplyAction.valueOf(row.action),
        AnnotationJobStatus.valueOf(row.status),
        row.errorMessage,
        row.updatedAt,
        stalled);
  }
}
