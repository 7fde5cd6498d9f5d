package dev.shortlease.adapter.llm.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.shortlease.adapter.llm.LangChain4jChatModel;
import dev.shortlease.application.port.out.FinishReason;
import dev.shortlease.application.port.out.ModelMessage;
import dev.shortlease.application.port.out.ModelReply;
import dev.shortlease.application.port.out.ModelRequest;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.domain.ModelSettings;
import dev.shortlease.domain.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Simulated model: deterministic, timed, cheap")
class SimulatedStreamingChatModelTest {

  static LangChain4jChatModel port(long ttftMillis, double tokensPerSecond, int answerTokens) {
    return new LangChain4jChatModel(
        new SimulatedStreamingChatModel(
            Duration.ofMillis(ttftMillis), tokensPerSecond, answerTokens),
        "simulated",
        "simulated",
        Duration.ofSeconds(10));
  }

  static ModelRequest ask(String text) {
    return new ModelRequest(
        ModelSettings.DEFAULT,
        List.of(new ModelMessage.System("Be brief."), new ModelMessage.User(text)),
        List.of());
  }

  @Test
  @DisplayName("the same conversation always gets the same answer, another one a different answer")
  void isDeterministic() {
    LangChain4jChatModel port = port(0, 1000, 12);
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();

    ModelReply a = port.chat(ask("What is a short lease?"), first::add, StopSignal.never());
    ModelReply b = port.chat(ask("What is a short lease?"), second::add, StopSignal.never());
    ModelReply c = port.chat(ask("Something else entirely"), token -> {}, StopSignal.never());

    assertThat(second).isEqualTo(first);
    assertThat(b.text()).isEqualTo(a.text());
    assertThat(c.text()).isNotEqualTo(a.text());
  }

  @Test
  @DisplayName("asked to suggest N questions, it answers N short questions, one per line")
  void suggestsShortQuestions() {
    LangChain4jChatModel port = port(0, 1000, 40);
    for (int asked : new int[] {3, 5}) {
      ModelRequest request =
          new ModelRequest(
              ModelSettings.DEFAULT,
              List.of(
                  new ModelMessage.System(
                      "Suggest exactly %d short questions the user might ask next, one per line."
                          .formatted(asked)),
                  new ModelMessage.User("What could I ask next?")),
              List.of());

      List<String> lines =
          port.chat(request, token -> {}, StopSignal.never()).text().lines().toList();

      assertThat(lines).hasSize(asked).doesNotHaveDuplicates();
      assertThat(lines)
          .allSatisfy(
              line -> {
                assertThat(line).endsWith("?").doesNotStartWith(" ");
                assertThat(line.split(" ")).hasSizeBetween(3, 8);
              });
    }
  }

  @Test
  @DisplayName("answers with the configured number of tokens and reports word-count usage")
  void answerLengthAndUsage() {
    List<String> tokens = new ArrayList<>();

    ModelReply reply =
        port(0, 1000, 12)
            .chat(ask("  What is\ta  short\n lease? "), tokens::add, StopSignal.never());

    assertThat(tokens).hasSize(12);
    assertThat(reply.text()).isEqualTo(String.join("", tokens)).endsWith(".");
    assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
    // "Be brief." (2 words) + "What is a short lease?" (5 words, however they are spaced)
    assertThat(reply.usage()).isEqualTo(new TokenUsage(7, 12));
  }

  @Test
  @DisplayName("an app's max_tokens below the answer length cuts the answer with LENGTH")
  void maxTokensCutsTheAnswer() {
    ModelRequest request =
        new ModelRequest(
            new ModelSettings("simulated", null, 5),
            List.of(new ModelMessage.User("Hi")),
            List.of());

    ModelReply reply = port(0, 1000, 12).chat(request, token -> {}, StopSignal.never());

    assertThat(reply.finishReason()).isEqualTo(FinishReason.LENGTH);
    assertThat(reply.usage().completionTokens()).isEqualTo(5);
  }

  @Test
  @DisplayName("waits the time to first token, then streams at the configured rate")
  void timing() {
    List<Long> arrivals = new CopyOnWriteArrayList<>();
    long start = System.nanoTime();

    port(150, 100, 11)
        .chat(ask("Hi"), token -> arrivals.add(System.nanoTime() - start), StopSignal.never());

    Duration first = Duration.ofNanos(arrivals.get(0));
    Duration last = Duration.ofNanos(arrivals.get(arrivals.size() - 1));
    assertThat(first).isBetween(Duration.ofMillis(140), Duration.ofMillis(1500));
    // Ten intervals of 10 ms after the first token. Tokens keep their schedule from the stream's
    // start, so on a busy machine a late first token is followed by quicker ones: bound the last
    // token from the start, not from the first token.
    assertThat(last).isBetween(Duration.ofMillis(240), Duration.ofMillis(3000));
  }

  @Test
  @DisplayName("a cancelled stream stops at once and never completes")
  void cancelStopsTheStream() throws InterruptedException {
    SimulatedStreamingChatModel model = new SimulatedStreamingChatModel(Duration.ZERO, 100, 50);
    List<String> tokens = new CopyOnWriteArrayList<>();
    AtomicBoolean completed = new AtomicBoolean();
    CountDownLatch cancelled = new CountDownLatch(1);

    model.chat(
        ChatRequest.builder().messages(UserMessage.from("Hi")).build(),
        new StreamingChatResponseHandler() {
          @Override
          public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
            tokens.add(partial.text());
            if (tokens.size() == 3) {
              context.streamingHandle().cancel();
              cancelled.countDown();
            }
          }

          @Override
          public void onCompleteResponse(ChatResponse response) {
            completed.set(true);
          }

          @Override
          public void onError(Throwable error) {}
        });

    assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(200);
    assertThat(tokens).hasSize(3);
    assertThat(completed).isFalse();
  }

  @Test
  @DisplayName(
      "a thousand concurrent streams run on virtual threads, not a thousand platform threads")
  void thousandConcurrentStreams() throws Exception {
    LangChain4jChatModel port = port(200, 50, 10);
    int platformBefore = Thread.activeCount();
    int peakPlatform = platformBefore;
    long start = System.nanoTime();
    try (ExecutorService callers = Executors.newVirtualThreadPerTaskExecutor()) {
      List<Future<ModelReply>> replies = new ArrayList<>();
      for (int i = 0; i < 1000; i++) {
        String question = "Question " + i;
        replies.add(
            callers.submit(() -> port.chat(ask(question), token -> {}, StopSignal.never())));
      }
      for (Future<ModelReply> reply : replies) {
        peakPlatform = Math.max(peakPlatform, Thread.activeCount());
        assertThat(reply.get(20, TimeUnit.SECONDS).finishReason()).isEqualTo(FinishReason.STOP);
      }
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - start);

    // one stream alone takes 200 ms + 9 x 20 ms; a thousand together must not take a thousand times
    assertThat(elapsed).isLessThan(Duration.ofSeconds(15));
    assertThat(peakPlatform - platformBefore).isLessThan(50);
  }
}
