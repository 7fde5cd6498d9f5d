package dev.shortlease.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.shortlease.adapter.llm.wire.FakeLlmServer;
import dev.shortlease.adapter.llm.wire.FakeLlmServer.Ending;
import dev.shortlease.adapter.llm.wire.FakeLlmServer.Reply;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.domain.EmbeddingVector;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The embedding model port over LangChain4j's OpenAI and Ollama embedding models, each against a
 * local fake server speaking its protocol: OpenAI's {@code POST /embeddings} and Ollama's {@code
 * POST /api/embed}.
 */
class EmbeddingProvidersTest {
  private final FakeLlmServer server = new FakeLlmServer();

  @AfterEach
  void close() {
    server.close();
  }

  private LangChain4jEmbeddingModel model(String provider, Duration timeout) {
    return LangChain4jEmbeddingModel.fromSettings(
        new EmbeddingSettings(
            provider,
            server.baseUrl() + (provider.equals("openai") ? "/v1" : ""),
            "sk-test",
            null,
            Duration.ofSeconds(2),
            timeout));
  }

  private static Reply json(String body) {
    return new Reply(200, "application/json", List.of(body), Duration.ZERO, Ending.COMPLETE);
  }

  @Test
  @DisplayName("openai: one request for all texts, vectors in order, the request's model wins")
  void openAi() {
    server.enqueue(
        json(
            "{\"object\":\"list\",\"data\":["
                + "{\"object\":\"embedding\",\"index\":0,\"embedding\":[1.0,0.0]},"
                + "{\"object\":\"embedding\",\"index\":1,\"embedding\":[0.0,1.0]}],"
                + "\"model\":\"text-embedding-3-large\","
                + "\"usage\":{\"prompt_tokens\":4,\"total_tokens\":4}}"));
    LangChain4jEmbeddingModel model = model("openai", Duration.ofSeconds(5));

    List<EmbeddingVector> vectors =
        model.embed("text-embedding-3-large", List.of("What is it?", "Who wrote it?"));

    assertThat(vectors)
        .containsExactly(
            new EmbeddingVector(new float[] {1, 0}), new EmbeddingVector(new float[] {0, 1}));
    FakeLlmServer.Recorded request = server.requests().getFirst();
    assertThat(request.path()).isEqualTo("/v1/embeddings");
    assertThat(request.header("Authorization")).isEqualTo("Bearer sk-test");
    assertThat(request.body())
        .containsPattern("\"model\"\\s*:\\s*\"text-embedding-3-large\"")
        .contains("What is it?")
        .contains("Who wrote it?");
    assertThat(model.modelKey("text-embedding-3-large")).isEqualTo("openai:text-embedding-3-large");
    assertThat(model.modelKey(" ")).isEqualTo("openai:text-embedding-3-small");
  }

  @Test
  @DisplayName("ollama: /api/embed with the texts as input, vectors in order")
  void ollama() {
    server.enqueue(json("{\"model\":\"nomic-embed-text\",\"embeddings\":[[0.5,0.5],[1.0,0.0]]}"));
    LangChain4jEmbeddingModel model = model("ollama", Duration.ofSeconds(5));

    List<EmbeddingVector> vectors = model.embed("", List.of("a", "b"));

    assertThat(vectors)
        .containsExactly(
            new EmbeddingVector(new float[] {0.5f, 0.5f}), new EmbeddingVector(new float[] {1, 0}));
    FakeLlmServer.Recorded request = server.requests().getFirst();
    assertThat(request.path()).isEqualTo("/api/embed");
    assertThat(request.body())
        .containsPattern("\"model\"\\s*:\\s*\"nomic-embed-text\"")
        .contains("\"a\"");
  }

  @Test
  @DisplayName("a rejected key or unknown model is NOT_CONFIGURED, a server error REQUEST_FAILED")
  void providerErrors() {
    for (String provider : List.of("openai", "ollama")) {
      server.enqueue(Reply.error(401, "{\"error\":{\"message\":\"bad key\"}}"));
      server.enqueue(Reply.error(500, "{\"error\":\"boom\"}"));
      LangChain4jEmbeddingModel model = model(provider, Duration.ofSeconds(5));

      assertThatThrownBy(() -> model.embed("m", List.of("q")))
          .isInstanceOfSatisfying(
              ModelException.class,
              e -> assertThat(e.kind()).isEqualTo(ModelErrorKind.NOT_CONFIGURED))
          .hasMessageNotContaining("sk-test");
      assertThatThrownBy(() -> model.embed("m", List.of("q")))
          .isInstanceOfSatisfying(
              ModelException.class,
              e -> assertThat(e.kind()).isEqualTo(ModelErrorKind.REQUEST_FAILED));
    }
  }

  @Test
  @DisplayName("the model name and a provider's error text cannot forge log lines")
  void failureLogIsOneLine() {
    String forged = "\r\n12:00:00.000 [main] INFO  admin -- granted";
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(LangChain4jEmbeddingModel.class);
    log.start();
    logger.addAppender(log);
    try {
      for (String provider : List.of("openai", "ollama")) {
        server.enqueue(Reply.error(502, "bad gateway" + forged));
        assertThatThrownBy(
                () -> model(provider, Duration.ofSeconds(5)).embed("m" + forged, List.of("q")))
            .isInstanceOf(ModelException.class);
      }
    } finally {
      logger.detachAppender(log);
    }
    assertThat(log.list)
        .hasSize(2)
        .allSatisfy(
            event ->
                assertThat(event.getFormattedMessage())
                    .doesNotContain("\n", "\r")
                    .contains("model=m\\r\\n12:00:00.000"));
  }

  @Test
  @DisplayName("a provider that answers its headers and then nothing fails within the timeout")
  void stalledBodyTimesOut() {
    server.enqueue(new Reply(200, "application/json", List.of(), Duration.ZERO, Ending.HANG));
    LangChain4jEmbeddingModel model = model("openai", Duration.ofMillis(300));

    long start = System.nanoTime();
    assertThatThrownBy(() -> model.embed("m", List.of("q")))
        .isInstanceOfSatisfying(
            ModelException.class,
            e -> assertThat(e.kind()).isEqualTo(ModelErrorKind.REQUEST_FAILED))
        .hasMessageContaining("within 300 ms");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
  }

  @Test
  @DisplayName("a refused connection is REQUEST_FAILED")
  void refusedConnection() {
    LangChain4jEmbeddingModel model =
        LangChain4jEmbeddingModel.fromSettings(
            new EmbeddingSettings(
                "ollama", "http://127.0.0.1:1", null, null, Duration.ofSeconds(1), null));

    assertThatThrownBy(() -> model.embed("m", List.of("q")))
        .isInstanceOfSatisfying(
            ModelException.class,
            e -> assertThat(e.kind()).isEqualTo(ModelErrorKind.REQUEST_FAILED));
  }
}
