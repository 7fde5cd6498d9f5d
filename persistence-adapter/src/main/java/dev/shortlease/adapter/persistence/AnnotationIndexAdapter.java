package dev.shortlease.adapter.persistence;

import dev.shortlease.domain.AnnotationId;
import dev.shortlease.domain.AnnotationIndex;
import dev.shortlease.domain.AnnotationReplySettings;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.ComputedEmbedding;
import dev.shortlease.domain.IndexedAnnotation;
import dev.shortlease.domain.PendingEmbedding;
import dev.shortlease.domain.port.AnnotationIndexPort;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Persistence adapter: annotation reply settings and the annotations' vectors, in plain columns.
 * The matcher's read is one short transaction: the settings row, and the vectors only when the
 * version moved since the reader's snapshot.
 */
final class AnnotationIndexAdapter implements AnnotationIndexPort {
  private final SessionScope scope;

  AnnotationIndexAdapter(SessionScope scope) {
    this.scope = scope;
  }

  /** Moves the app's index version (nothing when reply was never on: nobody caches its vectors). */
  static void bumpVersion(EntityManager em, AppId app) {
    em.createNativeQuery(
            "update {h-schema}annotation_reply_setting set version = version + 1"
                + " where app_id = :app")
        .setParameter("app", app.value())
        .executeUpdate();
  }

  @Override
  public Optional<AnnotationReplySettings> findReplySettings(AppId app) {
    return scope.call(em -> enabled(em, app).map(AnnotationIndexAdapter::toSettings));
  }

  @Override
  public Optional<AnnotationIndex> readIndex(AppId app, long knownVersion, int maxVectors) {
    return scope.call(
        em ->
            enabled(em, app)
                .map(
                    row -> {
                      AnnotationReplySettings settings = toSettings(row);
                      if (row.version == knownVersion) {
                        return new AnnotationIndex(settings, row.version, false, List.of(), false);
                      }
                      List<IndexedAnnotation> vectors =
                          em
                              .createQuery(
                                  "select a.id, a.embedding from AnnotationEntity a"
                                      + " where a.appId = :app and a.embeddingModelKey = :key"
                                      + " order by a.createdAt desc, a.id desc",
                                  Object[].class)
                              .setParameter("app", app.value())
                              .setParameter("key", row.modelKey)
                              .setMaxResults(maxVectors + 1)
                              .getResultList()
                              .stream()
                              .map(
                                  r ->
                                      new IndexedAnnotation(
                                          new AnnotationId((UUID) r[0]),
                                          VectorBytes.fromBytes((byte[]) r[1])))
                              .toList();
                      boolean truncated = vectors.size() > maxVectors;
                      return new AnnotationIndex(
                          settings,
                          row.version,
                          true,
                          truncated ? vectors.subList(0, maxVectors) : vectors,
                          truncated);
                    }));
  }

  @Override
  public List<PendingEmbedding> annotationsToEmbed(AppId app, String modelKey, int limit) {
    return scope.call(
        em ->
            em
                .createQuery(
                    "select a.id, a.question from AnnotationEntity a where a.appId = :app and"
                        + " (a.embeddingModelKey is null or a.embeddingModelKey <> :key)"
                        + " order by a.createdAt, a.id",
                    Object[].class)
                .setParameter("app", app.value())
                .setParameter("key", modelKey)
                .setMaxResults(limit)
                .getResultList()
                .stream()
                .map(r -> new PendingEmbedding(new AnnotationId((UUID) r[0]), (String) r[1]))
                .toList());
  }

  @Override
  public int storeEmbeddings(AppId app, String modelKey, List<ComputedEmbedding> embeddings) {
    if (embeddings.isEmpty()) {
      return 0;
    }
    return scope.call(
        em -> {
          int stored = 0;
          for (ComputedEmbedding e : embeddings) {
            stored +=
                em.createNativeQuery(
                        "update {h-schema}annotation set embedding = :vector,"
                            + " embedding_model_key = :key"
                            + " where id = :id and app_id = :app and question = :question")
                    .setParameter("vector", VectorBytes.toBytes(e.vector()))
                    .setParameter("key", modelKey)
                    .setParameter("id", e.id().value())
                    .setParameter("app", app.value())
                    .setParameter("question", e.question())
                    .executeUpdate();
          }
          if (stored > 0) {
            bumpVersion(em, app);
          }
          return stored;
        });
  }

  /**
   * The app is not read first: the foreign key on {@code app_id} refuses the first row of an
   * unknown app (the transaction rolls back, nothing is written), reported as not found.
   */
  @Override
  public void saveReplySettings(AppId app, AnnotationReplySettings settings) {
    try {
      scope.run(
          em -> {
            AnnotationReplySettingEntity found =
                em.find(AnnotationReplySettingEntity.class, app.value());
            AnnotationReplySettingEntity row =
                found == null ? new AnnotationReplySettingEntity() : found;
            row.appId = app.value();
            row.enabled = true;
            row.scoreThreshold = settings.scoreThreshold();
            row.embeddingProviderName = settings.embeddingProviderName();
            row.embeddingModelName = settings.embeddingModelName();
            row.modelKey = settings.modelKey();
            if (found == null) {
              em.persist(row); // inserted at once (the database fills updated_at)
            } else {
              row.version++;
            }
          });
    } catch (RuntimeException e) {
      throw SessionScope.missingAppOr(e);
    }
  }

  @Override
  public void removeReplySettings(AppId app) {
    scope.run(
        em ->
            em.createNativeQuery(
                    "update {h-schema}annotation_reply_setting set enabled = false,"
                        + " version = version + 1, updated_at = current_timestamp"
                        + " where app_id = :app")
                .setParameter("app", app.value())
                .executeUpdate());
  }

  private static Optional<AnnotationReplySettingEntity> enabled(EntityManager em, AppId app) {
    return Optional.ofNullable(em.find(AnnotationReplySettingEntity.class, app.value()))
        .filter(row -> row.enabled);
  }

  private static AnnotationReplySettings toSettings(AnnotationReplySettingEntity row) {
    return new AnnotationReplySettings(
        row.scoreThreshold, row.embeddingProviderName, row.embeddingModelName, row.modelKey);
  }
}
