package dev.shortlease.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shortlease.domain.ModelSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Contract of {@link ChatModelPort}: what every model adapter and fake must do. A subclass supplies
 * the port and ways to prepare its next reply; a model that writes its own text (a simulated one)
 * may ignore the scripted tokens and say so with {@link #followsScriptedText()}.
 */
public abstract class ChatModelPortContract {
  /** The tool every tool-call test offers. */
  protected static final ToolSpec STATS_TOOL =
      new ToolSpec(
          "get_stats",
          "Returns pool statistics for a period",
          Map.of(
              "type",
              "object",
              "properties",
              Map.of("period", Map.of("type", "string")),
              "required",
              List.of("period")));

  private static final Duration PROMPTLY = Duration.ofSeconds(3);

  /** Generous: the first call of a run also pays for class loading on a busy machine. */
  private static final Duration FIRST_TOKEN_WAIT = Duration.ofSeconds(15);

  /** The port under test; called after the prepare method of each test. */
  protected abstract ChatModelPort port();

  /** Arranges for the next call to stream {@code tokens} as its answer. */
  protected abstract void prepareAnswer(List<String> tokens);

  /** Arranges for the next call, offered {@code get_stats}, to request it with those arguments. */
  protected abstract void prepareToolCall(String toolName, Map<String, Object> arguments);

  /**
   * Arranges for the next call to stream at least {@code tokens} tokens, about 20 ms or more apart,
   * so a test can stop it half-way.
   */
  protected abstract void prepareSlowAnswer(int tokens);

  /**
   * Arranges for the next call to fail with {@code kind}; returns false when this implementation
   * cannot fail on demand (the failure tests are then skipped).
   */
  protected boolean prepareFailure(ModelErrorKind kind) {
    return false;
  }

  /** False for a model that writes its own text instead of the prepared tokens. */
  protected boolean followsScriptedText() {
    return true;
  }

  protected static ModelRequest request(String userText, List<ToolSpec> tools) {
    return new ModelRequest(
        ModelSettings.DEFAULT,
        List.of(new ModelMessage.System("You are brief."), new ModelMessage.User(userText)),
        tools);
  }

  @Test
  @DisplayName("streams the answer token by token and returns the same text as a whole")
  void streamsTheAnswerAndReturnsTheWholeText() {
    List<String> prepared = List.of("Short", " leases", " keep", " pools", " free.");
    prepareAnswer(prepared);
    List<String> tokens = new CopyOnWriteArrayList<>();

    ModelReply reply =
        port().chat(request("Say something", List.of()), tokens::add, StopSignal.never());

    assertThat(tokens).hasSizeGreaterThan(1);
    assertThat(reply.text()).isNotBlank().isEqualTo(String.join("", tokens));
    assertThat(reply.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(reply.toolCalls()).isEmpty();
    if (followsScriptedText()) {
      assertThat(tokens).containsExactlyElementsOf(prepared);
    }
  }

  @Test
  @DisplayName("reports the tool call the model asks for, with TOOL_CALLS as finish reason")
  void reportsTheToolCall() {
    prepareToolCall("get_stats", Map.of("period", "today"));
    List<String> tokens = new CopyOnWriteArrayList<>();

    ModelReply reply =
        port()
            .chat(
                request("Please call get_stats for today", List.of(STATS_TOOL)),
                tokens::add,
                StopSignal.never());

    assertThat(reply.finishReason()).isEqualTo(FinishReason.TOOL_CALLS);
    assertThat(reply.toolCalls()).hasSize(1);
    ToolCall call = reply.toolCalls().get(0);
    assertThat(call.id()).isNotBlank();
    assertThat(call.name()).isEqualTo("get_stats");
    assertThat(call.arguments().readable()).as("arguments parsed as an object").isTrue();
    if (followsScriptedText()) {
      assertThat(call.arguments().values()).isEqualTo(Map.of("period", "today"));
    }
    assertThat(reply.text()).isEqualTo(String.join("", tokens));
  }

  @Test
  @DisplayName("a stop requested while a token is handed over ends the call: STOPPED, text so far")
  void stopFromTheSinkEndsTheCall() throws InterruptedException {
    prepareSlowAnswer(40);
    StopSignal stop = new StopSignal();
    List<String> tokens = new CopyOnWriteArrayList<>();

    ModelReply reply =
        port()
            .chat(
                request("Tell me a long story", List.of()),
                token -> {
                  tokens.add(token);
                  if (tokens.size() == 2) {
                    stop.request();
                  }
                },
                stop);

    assertThat(reply.finishReason()).isEqualTo(FinishReason.STOPPED);
    assertThat(tokens).hasSize(2);
    assertThat(reply.text()).isEqualTo(String.join("", tokens));
    Thread.sleep(150);
    assertThat(tokens).as("no token after the call returned").hasSize(2);
  }

  @Test
  @DisplayName("a stop from another thread ends the call promptly and nothing arrives afterwards")
  void stopFromAnotherThreadEndsTheCallPromptly() throws Exception {
    prepareSlowAnswer(200);
    StopSignal stop = new StopSignal();
    List<String> tokens = new CopyOnWriteArrayList<>();
    CountDownLatch firstToken = new CountDownLatch(1);
    ChatModelPort port = port();
    try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<ModelReply> call =
          executor.submit(
              () ->
                  port.chat(
                      request("Tell me a long story", List.of()),
                      token -> {
                        tokens.add(token);
                        firstToken.countDown();
                      },
                      stop));
      assertThat(firstToken.await(FIRST_TOKEN_WAIT.toMillis(), TimeUnit.MILLISECONDS)).isTrue();

      stop.request();
      int atStop = tokens.size();
      ModelReply reply = call.get(PROMPTLY.toMillis(), TimeUnit.MILLISECONDS);

      assertThat(reply.finishReason()).isEqualTo(FinishReason.STOPPED);
      // At most the one token already being handed over when the stop came.
      assertThat(tokens.size()).isLessThanOrEqualTo(atStop + 1);
      assertThat(reply.text()).isEqualTo(String.join("", tokens));
      int atReturn = tokens.size();
      Thread.sleep(150);
      assertThat(tokens).as("no token after the call returned").hasSize(atReturn);
    }
  }

  @Test
  @DisplayName("a stop requested before the call returns STOPPED at once, with no tokens")
  void stopBeforeTheCall() {
    prepareSlowAnswer(40);
    StopSignal stop = new StopSignal();
    stop.request();
    List<String> tokens = new CopyOnWriteArrayList<>();

    ModelReply reply = port().chat(request("Hello", List.of()), tokens::add, stop);

    assertThat(reply.finishReason()).isEqualTo(FinishReason.STOPPED);
    assertThat(reply.text()).isEmpty();
    assertThat(tokens).isEmpty();
  }

  @ParameterizedTest
  @EnumSource(ModelErrorKind.class)
  @DisplayName("a provider failure surfaces as a ModelException of the right kind")
  void failuresCarryTheirKind(ModelErrorKind kind) {
    assumeTrue(prepareFailure(kind), "this implementation cannot fail on demand");
    List<String> tokens = new CopyOnWriteArrayList<>();

    assertThatThrownBy(
            () -> port().chat(request("Hello", List.of()), tokens::add, StopSignal.never()))
        .isInstanceOfSatisfying(ModelException.class, e -> assertThat(e.kind()).isEqualTo(kind));
    assertThat(tokens).isEmpty();
  }
}
