package dev.shortlease.domain;

/** Tokens a model call consumed, as the provider reported them (zero when it did not). */
public record TokenUsage(int promptTokens, int completionTokens) {
  public static final TokenUsage NONE = new TokenUsage(0, 0);

  public TokenUsage {
    if (promptTokens < 0 || completionTokens < 0) {
      throw new IllegalArgumentException("token counts cannot be negative");
    }
  }

  public int totalTokens() {
    return promptTokens + completionTokens;
  }

  public TokenUsage plus(TokenUsage other) {
    return new TokenUsage(
        promptTokens + other.promptTokens, completionTokens + other.completionTokens);
  }
}
