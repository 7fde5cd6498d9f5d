package dev.shortlease.application.annotation;

import dev.shortlease.application.AnnotationSettings;
import dev.shortlease.application.port.out.EmbeddingModelPort;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.domain.Annotation;
import dev.shortlease.domain.AnnotationReplySettings;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.ComputedEmbedding;
import dev.shortlease.domain.EmbeddingVector;
import dev.shortlease.domain.PendingEmbedding;
import dev.shortlease.domain.port.AnnotationIndexPort;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Embeds annotations' questions in batches, never holding a connection across the model: a short
 * read of the batch, the embedding call, a short write. A question edited meanwhile is not stored
 * (its vector would be stale) and comes back in a later batch.
 */
public final class AnnotationEmbedder {
  /** Batches in a row that stored nothing before giving up: the questions keep changing. */
  private static final int MAX_FRUITLESS_BATCHES = 3;

  private final AnnotationIndexPort index;
  private final EmbeddingModelPort embeddings;
  private final int batchSize;

  @Inject
  public AnnotationEmbedder(
      AnnotationIndexPort index, EmbeddingModelPort embeddings, AnnotationSettings settings) {
    this.index = index;
    this.embeddings = embeddings;
    this.batchSize = settings.embeddingBatchSize();
  }

  /** Embeds every annotation of {@code app} with no vector of the settings' model yet. */
  int embedPending(AppId app, AnnotationReplySettings reply, Runnable afterEachBatch) {
    int stored = 0;
    int fruitless = 0;
    while (true) {
      List<PendingEmbedding> batch = index.annotationsToEmbed(app, reply.modelKey(), batchSize);
      if (batch.isEmpty()) {
        return stored;
      }
      List<ComputedEmbedding> computed = new ArrayList<>(batch.size());
      List<EmbeddingVector> vectors =
          embed(reply, batch.stream().map(PendingEmbedding::question).toList());
      for (int i = 0; i < batch.size(); i++) {
        computed.add(
            new ComputedEmbedding(batch.get(i).id(), batch.get(i).question(), vectors.get(i)));
      }
      int written = index.storeEmbeddings(app, reply.modelKey(), computed);
      stored += written;
      fruitless = written == 0 ? fruitless + 1 : 0;
      if (fruitless >= MAX_FRUITLESS_BATCHES) {
        throw new IllegalStateException("the annotations kept changing while they were embedded");
      }
      afterEachBatch.run();
    }
  }

  /** Embeds one annotation just written (create, update) while reply is on. */
  void embedOne(AppId app, AnnotationReplySettings reply, Annotation annotation) {
    String question = annotation.text().question();
    EmbeddingVector vector = embed(reply, List.of(question)).getFirst();
    index.storeEmbeddings(
        app, reply.modelKey(), List.of(new ComputedEmbedding(annotation.id(), question, vector)));
  }

  private List<EmbeddingVector> embed(AnnotationReplySettings reply, List<String> texts) {
    List<EmbeddingVector> vectors = embeddings.embed(reply.embeddingModelName(), texts);
    if (vectors.size() != texts.size()) {
      throw new ModelException(
          ModelErrorKind.REQUEST_FAILED,
          "the embedding model returned " + vectors.size() + " vectors for " + texts.size());
    }
    return vectors;
  }
}
