package dev.shortlease.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.shortlease.application.port.out.FinishReason;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.application.port.out.ModelMessage;
import dev.shortlease.application.port.out.ModelReply;
import dev.shortlease.application.port.out.ModelRequest;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.domain.ModelSettings;
import java.time.Duration;
import java.util.List;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A model call registers its relay on the run's stop signal for as long as the call lasts and no
 * longer (ADR 0068): an agent's run calls the model once per step on one signal, which must keep
 * nothing of a call that ended, however it ended. The provider here is a stub answering on the
 * caller's thread, or never.
 */
@DisplayName("Model calls release their stop callback when they end")
class ModelCallStopRegistrationTest {
  private static final ModelRequest REQUEST =
      new ModelRequest(ModelSettings.DEFAULT, List.of(new ModelMessage.User("Hello")), List.of());

  /** A provider that does what {@code answer} does with each request's handler. */
  private static LangChain4jChatModel over(
      BiConsumer<ChatRequest, StreamingChatResponseHandler> answer) {
    StreamingChatModel model =
        new StreamingChatModel() {
          @Override
          public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
            answer.accept(request, handler);
          }
        };
    return new LangChain4jChatModel(model, "stub", "stub-model", Duration.ofSeconds(5));
  }

  @Test
  @DisplayName("a call that completes leaves no registration on the run's signal")
  void completedCallReleasesItsCallback() {
    LangChain4jChatModel port =
        over(
            (request, handler) -> {
              handler.onPartialResponse("Hi");
              handler.onCompleteResponse(
                  ChatResponse.builder().aiMessage(AiMessage.from("Hi")).build());
            });
    StopSignal run = new StopSignal();

    for (int step = 0; step < 5; step++) {
      assertThat(port.chat(REQUEST, token -> {}, run).text()).isEqualTo("Hi");
    }

    assertThat(run.registered()).isZero();
  }

  @Test
  @DisplayName("a call that fails, in the stream or at the request, leaves no registration")
  void failedCallReleasesItsCallback() {
    LangChain4jChatModel failsInTheStream =
        over((request, handler) -> handler.onError(new RuntimeException("stream broke")));
    LangChain4jChatModel failsAtTheRequest =
        over(
            (request, handler) -> {
              throw new RuntimeException("request refused");
            });
    StopSignal run = new StopSignal();

    for (int step = 0; step < 3; step++) {
      assertThatThrownBy(() -> failsInTheStream.chat(REQUEST, token -> {}, run))
          .isInstanceOf(ModelException.class)
          .hasMessageContaining("stream broke");
      assertThatThrownBy(() -> failsAtTheRequest.chat(REQUEST, token -> {}, run))
          .isInstanceOf(ModelException.class)
          .hasMessageContaining("request refused");
    }

    assertThat(run.registered()).isZero();
  }

  @Test
  @DisplayName("a call that falls silent leaves no registration")
  void silentCallReleasesItsCallback() {
    LangChain4jChatModel silent =
        new LangChain4jChatModel(
            new StreamingChatModel() {
              @Override
              public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {}
            },
            "stub",
            "stub-model",
            Duration.ofMillis(100));
    StopSignal run = new StopSignal();

    assertThatThrownBy(() -> silent.chat(REQUEST, token -> {}, run))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("sent nothing for 100 ms");

    assertThat(run.registered()).isZero();
  }

  @Test
  @DisplayName("a call stopped by an interrupt, the signal not raised, leaves no registration")
  void interruptedCallReleasesItsCallback() {
    LangChain4jChatModel neverAnswers = over((request, handler) -> {});
    StopSignal run = new StopSignal();

    ModelReply reply;
    Thread.currentThread().interrupt();
    try {
      reply = neverAnswers.chat(REQUEST, token -> {}, run);
    } finally {
      assertThat(Thread.interrupted()).as("the interrupt is kept").isTrue();
    }

    assertThat(reply.finishReason()).isEqualTo(FinishReason.STOPPED);
    assertThat(run.isRequested()).isFalse();
    assertThat(run.registered()).isZero();
  }

  @Test
  @DisplayName("a call stopped by the run's signal ends as stopped and leaves no registration")
  // A signal drops each callback it runs: this pins the stop and that nothing is left, but cannot
  // tell a closed registration from an unclosed one (the interrupt's test can).
  void stoppedCallReleasesItsCallback() {
    LangChain4jChatModel neverAnswers = over((request, handler) -> {});
    StopSignal run = new StopSignal();
    AdapterTimer.after(Duration.ofMillis(100).toNanos(), run::request);

    ModelReply reply = neverAnswers.chat(REQUEST, token -> {}, run);

    assertThat(reply.finishReason()).isEqualTo(FinishReason.STOPPED);
    assertThat(run.registered()).isZero();
  }
}
