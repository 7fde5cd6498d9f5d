package dev.shortlease.domain;

/**
 * An app's annotation reply, when it is on: the least cosine similarity that counts as a match, the
 * embedding provider and model as the client named them, and {@code modelKey}, the key the
 * annotations' vectors are stored under (vectors of another key are never compared).
 */
public record AnnotationReplySettings(
    double scoreThreshold,
    String embeddingProviderName,
    String embeddingModelName,
    String modelKey) {

  public AnnotationReplySettings {
    if (!(scoreThreshold >= 0 && scoreThreshold <= 1)) {
      throw new InvalidInputException("score_threshold", "must be a number between 0 and 1");
    }
    embeddingProviderName = name("embedding_provider_name", embeddingProviderName);
    embeddingModelName = name("embedding_model_name", embeddingModelName);
    modelKey = modelKey == null ? "" : modelKey;
  }

  public AnnotationReplySettings withModelKey(String key) {
    return new AnnotationReplySettings(
        scoreThreshold, embeddingProviderName, embeddingModelName, key);
  }

  private static String name(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, "is required");
    }
    Texts.requireAtMost(value, field, 255);
    return value.strip();
  }
}
