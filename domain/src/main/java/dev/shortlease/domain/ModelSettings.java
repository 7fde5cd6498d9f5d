package dev.shortlease.domain;

import java.util.Objects;

/**
 * Which model an app talks to and how. {@code model} is the provider's model name; {@code
 * temperature} and {@code maxTokens} are optional ({@code null} means the provider's default).
 */
public record ModelSettings(String model, Double temperature, Integer maxTokens) {

  public static final ModelSettings DEFAULT = new ModelSettings("simulated", null, null);

  /** Longest model name, in characters (code points): a provider's names are far shorter. */
  public static final int MAX_MODEL_LENGTH = 255;

  public ModelSettings {
    Objects.requireNonNull(model, "model");
    check(model, temperature, maxTokens);
  }

  /**
   * The model a call uses: this app's, unless it is the placeholder of {@link #DEFAULT} (any case),
   * then {@code configured} ({@code LLM_MODEL}). The adapter, the metrics and the spans must agree.
   */
  public String modelOr(String configured) {
    return model.equalsIgnoreCase(DEFAULT.model()) ? configured : model;
  }

  /** The rules of each given field ({@code null} is not checked), shared with a patch. */
  static void check(String model, Double temperature, Integer maxTokens) {
    if (model != null && model.isBlank()) {
      throw new InvalidInputException("model_settings.model", "must not be blank");
    }
    if (model != null) {
      Texts.requireAtMost(model, "model_settings.model", MAX_MODEL_LENGTH);
    }
    if (temperature != null && (temperature < 0 || temperature > 2)) {
      throw new InvalidInputException("model_settings.temperature", "must be between 0 and 2");
    }
    if (maxTokens != null && maxTokens < 1) {
      throw new InvalidInputException("model_settings.max_tokens", "must be positive");
    }
  }
}
