package dev.shortlease.domain.port;

import dev.shortlease.domain.AnnotationIndex;
import dev.shortlease.domain.AnnotationReplySettings;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.ComputedEmbedding;
import dev.shortlease.domain.PendingEmbedding;
import java.util.List;
import java.util.Optional;

/**
 * Outbound port: an app's annotation reply settings and its annotations' vectors, stored in plain
 * columns (no vector extension) and compared in memory by the application. Every change of a vector
 * or of the settings moves the index's version, so readers reload only when it moved.
 */
public interface AnnotationIndexPort {

  /** The app's reply settings, or empty when annotation reply is off. */
  Optional<AnnotationReplySettings> findReplySettings(AppId app);

  /**
   * One short read: empty when reply is off; else the settings and version, and the vectors (at
   * most {@code maxVectors}, newest first) only when the version differs from {@code knownVersion}.
   */
  Optional<AnnotationIndex> readIndex(AppId app, long knownVersion, int maxVectors);

  /** Up to {@code limit} annotations with no vector under {@code modelKey}, oldest first. */
  List<PendingEmbedding> annotationsToEmbed(AppId app, String modelKey, int limit);

  /**
   * Stores the vectors under {@code modelKey}, each only if its annotation still has the question
   * it was computed from; returns how many were stored.
   */
  int storeEmbeddings(AppId app, String modelKey, List<ComputedEmbedding> embeddings);

  /** Turns reply on, or changes its settings. */
  void saveReplySettings(AppId app, AnnotationReplySettings settings);

  /** Turns reply off (the vectors stay for a later enable of the same model). */
  void removeReplySettings(AppId app);
}
