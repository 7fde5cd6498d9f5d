package dev.shortlease.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ModelSettingsTest {
  @Test
  @DisplayName("the placeholder model, in any case, means the configured one; any other is kept")
  void placeholderMeansTheConfiguredModel() {
    assertThat(ModelSettings.DEFAULT.modelOr("gpt-4o-mini")).isEqualTo("gpt-4o-mini");
    assertThat(new ModelSettings("Simulated", null, null).modelOr("llama3.2"))
        .isEqualTo("llama3.2");
    assertThat(new ModelSettings("own-model", null, null).modelOr("gpt-4o-mini"))
        .isEqualTo("own-model");
  }
}
