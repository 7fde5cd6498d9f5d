package dev.shortlease.application.testing;

import static dev.shortlease.application.testing.ScriptedChatModel.fail;
import static dev.shortlease.application.testing.ScriptedChatModel.hang;
import static dev.shortlease.application.testing.ScriptedChatModel.reply;
import static dev.shortlease.application.testing.ScriptedChatModel.slowReply;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.application.port.out.FinishReason;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.application.port.out.ModelMessage;
import dev.shortlease.application.port.out.ModelReply;
import dev.shortlease.application.port.out.ModelRequest;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.domain.ModelSettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The scripted fake model")
class ScriptedChatModelTest {
  private static final ModelRequest REQUEST =
      new ModelRequest(ModelSettings.DEFAULT, List.of(new ModelMessage.User("hi")), List.of());
  private final ScriptedChatModel model = new ScriptedChatModel();

  @Test
  @DisplayName("plays steps in order, then the fallback, running the hook and recording requests")
  void playsScriptThenFallback() {
    AtomicInteger hooked = new AtomicInteger();
    model
        .then(reply("a", "b").withUsage(1, 2))
        .otherwise(reply("z"))
        .onEachCall(r -> hooked.incrementAndGet());
    List<String> tokens = new ArrayList<>();

    ModelReply first = model.chat(REQUEST, tokens::add, StopSignal.never());
    ModelReply second = model.chat(REQUEST, tokens::add, StopSignal.never());

    assertThat(first.text()).isEqualTo("ab");
    assertThat(first.usage().totalTokens()).isEqualTo(3);
    assertThat(first.finishReason()).isEqualTo(FinishReason.STOP);
    assertThat(second.text()).isEqualTo("z");
    assertThat(tokens).containsExactly("a", "b", "z");
    assertThat(hooked).hasValue(2);
    assertThat(model.requests()).containsExactly(REQUEST, REQUEST);
  }

  @Test
  @DisplayName("a failure streams its tokens first, then throws its kind")
  void failureThrowsKind() {
    model.then(fail(ModelErrorKind.QUOTA_EXCEEDED, "quota", "x"));
    List<String> tokens = new ArrayList<>();

    assertThatThrownBy(() -> model.chat(REQUEST, tokens::add, StopSignal.never()))
        .isInstanceOfSatisfying(
            ModelException.class,
            e -> assertThat(e.kind()).isEqualTo(ModelErrorKind.QUOTA_EXCEEDED));
    assertThat(tokens).containsExactly("x");
  }

  @Test
  @DisplayName("a hang and a slow reply end promptly with STOPPED when the stop signal is raised")
  void honoursStop() throws Exception {
    model.then(hang("h"), slowReply(Duration.ofSeconds(10), "never"));
    StopSignal stop = new StopSignal();
    CompletableFuture<ModelReply> hanging =
        CompletableFuture.supplyAsync(() -> model.chat(REQUEST, t -> {}, stop));
    assertThat(model.awaitCalls(1, Duration.ofSeconds(5))).isTrue();

    stop.request();

    ModelReply stopped = hanging.get(5, TimeUnit.SECONDS);
    assertThat(stopped.finishReason()).isEqualTo(FinishReason.STOPPED);
    assertThat(stopped.text()).isEqualTo("h");
    ModelReply slow = model.chat(REQUEST, t -> {}, stop);
    assertThat(slow.finishReason()).isEqualTo(FinishReason.STOPPED);
    assertThat(slow.text()).isEmpty();
  }
}
