package dev.shortlease.adapter.llm.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.llm.EmbeddingSettings;
import dev.shortlease.adapter.llm.LangChain4jEmbeddingModel;
import dev.shortlease.domain.EmbeddingVector;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SimulatedEmbeddingModelTest {
  private final LangChain4jEmbeddingModel model =
      LangChain4jEmbeddingModel.fromSettings(EmbeddingSettings.simulated());

  private double score(String a, String b) {
    List<EmbeddingVector> v = model.embed("any", List.of(a, b));
    return v.get(0).cosine(v.get(1));
  }

  @Test
  @DisplayName("deterministic: the same text always gives the same vector")
  void deterministic() {
    assertThat(model.embed("x", List.of("What is Dify?")))
        .isEqualTo(model.embed("y", List.of("What is Dify?")));
    assertThat(model.embed("x", List.of("a")).getFirst().dimensions())
        .isEqualTo(SimulatedEmbeddingModel.DIMENSIONS);
  }

  @Test
  @DisplayName("the same words match fully, near questions closely, unrelated ones not at all")
  void similarity() {
    assertThat(score("What is Dify?", "what is dify")).isEqualTo(1.0, within());
    assertThat(score("How do I reset my password?", "how can I reset my password"))
        .isGreaterThan(0.75);
    assertThat(score("How do I reset my password?", "Tell me a joke about databases"))
        .isLessThan(0.3);
  }

  @Test
  @DisplayName("one key for every model name: the simulated vectors do not depend on it")
  void oneKey() {
    assertThat(model.modelKey("a")).isEqualTo(model.modelKey("b")).isEqualTo("simulated");
  }

  private static org.assertj.core.data.Offset<Double> within() {
    return org.assertj.core.data.Offset.offset(1e-6);
  }
}
