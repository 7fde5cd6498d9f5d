package dev.shortlease.application.annotation;

import dev.shortlease.application.port.out.EmbeddingModelPort;
import dev.shortlease.domain.AnnotationIndex;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.EmbeddingVector;
import dev.shortlease.domain.IndexedAnnotation;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Finds the annotation a query matches: one short read of the app's index (vectors from the
 * snapshot unless they changed), then the query's embedding with no connection held, then a
 * brute-force cosine over the snapshot in Java. A match needs a score of at least the app's
 * threshold.
 */
public final class AnnotationMatcher {
  private final AnnotationIndexCache indexes;
  private final EmbeddingModelPort embeddings;

  @Inject
  public AnnotationMatcher(AnnotationIndexCache indexes, EmbeddingModelPort embeddings) {
    this.indexes = indexes;
    this.embeddings = embeddings;
  }

  public Optional<AnnotationMatch> match(AppId app, String query) {
    Optional<AnnotationIndex> found = indexes.current(app);
    if (found.isEmpty() || found.get().vectors().isEmpty() || query.isBlank()) {
      return Optional.empty(); // reply off, or nothing to match: no embedding call
    }
    AnnotationIndex index = found.get();
    EmbeddingVector asked =
        embeddings.embed(index.settings().embeddingModelName(), List.of(query)).getFirst();
    IndexedAnnotation best = null;
    double bestScore = Double.NEGATIVE_INFINITY;
    for (IndexedAnnotation candidate : index.vectors()) {
      double score = asked.cosine(candidate.vector());
      if (score > bestScore) {
        bestScore = score;
        best = candidate;
      }
    }
    return best != null && bestScore >= index.settings().scoreThreshold()
        ? Optional.of(new AnnotationMatch(best.id(), bestScore))
        : Optional.empty();
  }
}
