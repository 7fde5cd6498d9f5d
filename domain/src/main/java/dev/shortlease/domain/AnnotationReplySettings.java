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

  /**
   * Settings a client asks for: as the constructor checks them, and without control characters,
   * since the model's name is logged when an embedding call fails and a line break would forge log
   * lines. Only new requests are checked, so a stored setting always reads back.
   */
  public static AnnotationReplySettings requested(
      double scoreThreshold, String embeddingProviderName, String embeddingModelName) {
    AnnotationReplySettings settings =
        new AnnotationReplySettings(
            scoreThreshold, embeddingProviderName, embeddingModelName, null);
    withoutControlCharacters("embedding_provider_name", embeddingProviderName);
    withoutControlCharacters("embedding_model_name", embeddingModelName);
    return settings;
  }

  private static void withoutControlCharacters(String field, String value) {
    if (value.strip().chars().anyMatch(Character::isISOControl)) {
      throw new InvalidInputException(field, "must not contain control characters");
    }
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
