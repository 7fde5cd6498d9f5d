package dev.shortlease.application.annotation;

import dev.shortlease.domain.AnnotationReplySettings;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.ComputedEmbedding;
import dev.shortlease.domain.PendingEmbedding;
import dev.shortlease.domain.port.AnnotationIndexPort;
import java.util.List;
import java.util.Optional;

/** A test's annotation index that only answers {@code readIndex}: nothing to embed, no writes. */
abstract class ReadOnlyIndex implements AnnotationIndexPort {

  @Override
  public Optional<AnnotationReplySettings> findReplySettings(AppId app) {
    return Optional.empty();
  }

  @Override
  public List<PendingEmbedding> annotationsToEmbed(AppId app, String modelKey, int limit) {
    return List.of();
  }

  @Override
  public int storeEmbeddings(AppId app, String modelKey, List<ComputedEmbedding> embeddings) {
    return 0;
  }

  @Override
  public void saveReplySettings(AppId app, AnnotationReplySettings settings) {}

  @Override
  public void removeReplySettings(AppId app) {}
}
