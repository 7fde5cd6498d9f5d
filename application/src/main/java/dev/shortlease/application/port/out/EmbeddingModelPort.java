package dev.shortlease.application.port.out;

import dev.shortlease.domain.EmbeddingVector;
import java.util.List;

/**
 * Outbound port: an embedding model, which turns texts into vectors for annotation matching. A long
 * call, like the chat model: it is guarded, and no connection may be held when it starts.
 */
@LongCall
public interface EmbeddingModelPort {

  /**
   * The key vectors of {@code model} are stored under: the provider that computes them and the
   * model it uses. Vectors of different keys are never compared.
   */
  String modelKey(String model);

  /**
   * One vector per text, in order, computed by {@code model} (blank: the configured one).
   *
   * @throws ModelException when the provider fails
   */
  List<EmbeddingVector> embed(String model, List<String> texts);
}
