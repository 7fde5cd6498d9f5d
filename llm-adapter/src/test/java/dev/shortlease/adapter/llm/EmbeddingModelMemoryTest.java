package dev.shortlease.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.llm.simulated.SimulatedEmbeddingModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EmbeddingModelMemoryTest {
  private final AtomicInteger built = new AtomicInteger();
  private final LangChain4jEmbeddingModel model =
      new LangChain4jEmbeddingModel(
          "openai",
          "configured",
          "http://127.0.0.1:1/v1",
          Duration.ofSeconds(5),
          name -> {
            built.incrementAndGet();
            return new SimulatedEmbeddingModel();
          });

  @Test
  @DisplayName("model names a client makes up keep at most MAX_MODELS built models")
  void boundedByName() {
    for (int i = 0; i < 5_000; i++) {
      model.embed("made-up-" + i, List.of("hello"));
    }
    assertThat(built.get()).isEqualTo(5_000);
    assertThat(model.keptModels()).isEqualTo(LangChain4jEmbeddingModel.MAX_MODELS);
  }

  @Test
  @DisplayName("a name in use is built once and stays while others come and go")
  void reusedWhileInUse() {
    for (int i = 0; i < 1_000; i++) {
      model.embed(null, List.of("hello")); // the configured model
      model.embed("other-" + i, List.of("hello"));
    }
    assertThat(built.get()).isEqualTo(1 + 1_000);
  }
}
