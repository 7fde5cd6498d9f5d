package dev.shortlease.domain;

/**
 * A partial change to an app's {@link ModelSettings}: {@code null} fields keep the stored value.
 * Checked when made, so a bad field is refused before anything is read or written.
 */
public record ModelSettingsPatch(String model, Double temperature, Integer maxTokens) {

  public ModelSettingsPatch {
    ModelSettings.check(model, temperature, maxTokens);
  }

  /** {@code current} with the fields this patch sets. */
  public ModelSettings applyTo(ModelSettings current) {
    return new ModelSettings(
        model != null ? model : current.model(),
        temperature != null ? temperature : current.temperature(),
        maxTokens != null ? maxTokens : current.maxTokens());
  }
}
