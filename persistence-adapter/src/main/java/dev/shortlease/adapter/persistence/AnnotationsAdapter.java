package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.Annotation;
import dev.shortlease.domain.AnnotationHit;
import dev.shortlease.domain.AnnotationId;
import dev.shortlease.domain.AnnotationPage;
import dev.shortlease.domain.AnnotationText;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.port.AnnotationsPort;
import jakarta.persistence.EntityManager;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * Persistence adapter: an app's annotations, each call one short transaction scoped by app. A
 * change that drops or removes a vector moves the app's index version in the same transaction
 * ({@link AnnotationIndexAdapter#bumpVersion}).
 */
final class AnnotationsAdapter implements AnnotationsPort {
  private final SessionScope scope;

  AnnotationsAdapter(SessionScope scope) {
    this.scope = scope;
  }

  @Override
  public AnnotationPage listAnnotations(AppId app, int page, int limit, String keyword) {
    return scope.call(
        em -> {
          String filter =
              keyword.isEmpty()
                  ? ""
                  : " and (lower(a.question) like :pattern escape '\\'"
                      + " or lower(a.answer) like :pattern escape '\\')";
          var rows =
              em.createQuery(
                      "from AnnotationEntity a where a.appId = :app"
                          + filter
                          + " order by a.createdAt desc, a.id desc",
                      AnnotationEntity.class)
                  .setParameter("app", app.value());
          var count =
              em.createQuery(
                      "select count(a) from AnnotationEntity a where a.appId = :app" + filter,
                      Long.class)
                  .setParameter("app", app.value());
          if (!keyword.isEmpty()) {
            String pattern = "%" + escapeLike(keyword.toLowerCase(Locale.ROOT)) + "%";
            rows.setParameter("pattern", pattern);
            count.setParameter("pattern", pattern);
          }
          var items =
              rows.setFirstResult((page - 1) * limit).setMaxResults(limit).getResultList().stream()
                  .map(AnnotationsAdapter::toAnnotation)
                  .toList();
          return new AnnotationPage(items, count.getSingleResult());
        });
  }

  /**
   * The app is not read first: the foreign key on {@code app_id} refuses an unknown app (the
   * transaction rolls back, nothing is written), reported as not found, as {@link
   * TurnStartAdapter#startTurn} does.
   */
  @Override
  public Annotation createAnnotation(AppId app, AnnotationText text) {
    try {
      return scope.call(
          em -> {
            AnnotationEntity row = new AnnotationEntity();
            row.id = UUID.randomUUID();
            row.appId = app.value();
            row.question = text.question();
            row.answer = text.answer();
            em.persist(row);
            em.flush(); // the database fills created_at
            return toAnnotation(row);
          });
    } catch (RuntimeException e) {
      throw SessionScope.missingAppOr(e);
    }
  }

  @Override
  public Optional<Annotation> updateAnnotation(AppId app, AnnotationId id, AnnotationText text) {
    return scope.call(
        em -> {
          // A new question makes the vector stale: it is dropped here, embedded again later.
          int changed =
              em.createNativeQuery(
                      "update {h-schema}annotation set answer = :answer,"
                          + " embedding = case when question = :question then embedding end,"
                          + " embedding_model_key = case when question = :question"
                          + " then embedding_model_key end,"
                          + " question = :question, updated_at = current_timestamp"
                          + " where id = :id and app_id = :app")
                  .setParameter("answer", text.answer())
                  .setParameter("question", text.question())
                  .setParameter("id", id.value())
                  .setParameter("app", app.value())
                  .executeUpdate();
          if (changed == 0) {
            return Optional.empty();
          }
          AnnotationIndexAdapter.bumpVersion(em, app);
          return Optional.of(find(em, id));
        });
  }

  @Override
  public boolean deleteAnnotation(AppId app, AnnotationId id) {
    return scope.call(
        em -> {
          em.createNativeQuery(
                  "delete from {h-schema}annotation_hit where annotation_id = :id and app_id = :app")
              .setParameter("id", id.value())
              .setParameter("app", app.value())
              .executeUpdate();
          int deleted =
              em.createNativeQuery(
                      "delete from {h-schema}annotation where id = :id and app_id = :app")
                  .setParameter("id", id.value())
                  .setParameter("app", app.value())
                  .executeUpdate();
          if (deleted > 0) {
            AnnotationIndexAdapter.bumpVersion(em, app);
          }
          return deleted > 0;
        });
  }

  @Override
  public Optional<Annotation> recordHit(AnnotationHit hit) {
    return scope.call(
        em -> {
          int counted =
              em.createNativeQuery(
                      "update {h-schema}annotation set hit_count = hit_count + 1"
                          + " where id = :id and app_id = :app")
                  .setParameter("id", hit.annotationId().value())
                  .setParameter("app", hit.owner().appId().value())
                  .executeUpdate();
          if (counted == 0) {
            return Optional.empty(); // deleted since the vectors were read
          }
          em.createNativeQuery(
                  "insert into {h-schema}annotation_hit"
                      + " (id, annotation_id, app_id, message_id, end_user_id, query, score)"
                      + " values (:id, :annotation, :app, :message, :user, :query, :score)")
              .setParameter("id", UUID.randomUUID())
              .setParameter("annotation", hit.annotationId().value())
              .setParameter("app", hit.owner().appId().value())
              .setParameter("message", hit.messageId().value())
              .setParameter("user", hit.owner().endUserId().value())
              .setParameter("query", hit.query())
              .setParameter("score", hit.score())
              .executeUpdate();
          return Optional.of(find(em, hit.annotationId()));
        });
  }

  private static Annotation find(EntityManager em, AnnotationId id) {
    return toAnnotation(em.find(AnnotationEntity.class, id.value()));
  }

  static Annotation toAnnotation(AnnotationEntity e) {
    return new Annotation(
        new AnnotationId(e.id),
        new AppId(e.appId),
        new AnnotationText(e.question, e.answer),
        e.hitCount,
        e.createdAt);
  }

  /** The keyword taken literally: {@code %}, {@code _} and the escape itself lose their meaning. */
  static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }
}
