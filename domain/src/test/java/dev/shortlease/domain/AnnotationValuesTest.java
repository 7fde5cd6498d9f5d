package dev.shortlease.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AnnotationValuesTest {

  @Test
  @DisplayName("cosine: 1 for the same direction, 0 for orthogonal or zero, -1 for other sizes")
  void cosine() {
    EmbeddingVector a = new EmbeddingVector(new float[] {1, 2, 3});
    assertThat(a.cosine(new EmbeddingVector(new float[] {2, 4, 6}))).isCloseTo(1, within());
    assertThat(a.cosine(new EmbeddingVector(new float[] {0, 3, -2}))).isCloseTo(0, within());
    assertThat(a.cosine(new EmbeddingVector(new float[] {0, 0, 0}))).isZero();
    assertThat(a.cosine(new EmbeddingVector(new float[] {1, 2}))).isEqualTo(-1);
  }

  @Test
  @DisplayName("a vector is immutable: its array is copied in and out")
  void immutable() {
    float[] values = {1, 2};
    EmbeddingVector v = new EmbeddingVector(values);
    values[0] = 9;
    v.values()[1] = 9;
    assertThat(v).isEqualTo(new EmbeddingVector(new float[] {1, 2}));
  }

  @Test
  @DisplayName("question and answer are required and bounded; the threshold is within 0..1")
  void validation() {
    assertThatThrownBy(() -> new AnnotationText(" ", "a")).hasMessage("question is required");
    assertThatThrownBy(() -> new AnnotationText("q", null)).hasMessage("answer is required");
    assertThatThrownBy(() -> new AnnotationText("q".repeat(2_001), "a"))
        .isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> new AnnotationReplySettings(1.01, "p", "m", null))
        .hasMessageContaining("score_threshold");
    assertThatThrownBy(() -> new AnnotationReplySettings(Double.NaN, "p", "m", null))
        .hasMessageContaining("score_threshold");
    assertThatThrownBy(() -> new AnnotationReplySettings(0.5, "p", "", null))
        .hasMessage("embedding_model_name is required");
  }

  @Test
  @DisplayName(
      "a requested embedding provider or model name with a line break is refused (it is logged);"
          + " a stored one still reads back")
  void namesWithoutControlCharacters() {
    assertThatThrownBy(
            () -> AnnotationReplySettings.requested(0.5, "p", "m\n12:00:00.000 ERROR forged"))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("embedding_model_name must not contain control characters");
    assertThatThrownBy(() -> AnnotationReplySettings.requested(0.5, "p\r\nx", "m"))
        .hasMessage("embedding_provider_name must not contain control characters");
    assertThat(AnnotationReplySettings.requested(0.5, " openai ", "text-embedding-3-small\n"))
        .isEqualTo(new AnnotationReplySettings(0.5, "openai", "text-embedding-3-small", null));
    assertThat(
            new AnnotationReplySettings(0.5, "p", "m\nstored earlier", "key").embeddingModelName())
        .isEqualTo("m\nstored earlier");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-6);
  }
}
