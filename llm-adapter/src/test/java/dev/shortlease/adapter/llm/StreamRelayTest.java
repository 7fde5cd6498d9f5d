package dev.shortlease.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialThinking;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.application.port.out.ModelReply;
import dev.shortlease.application.port.out.StopSignal;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** A stream that sends no text but keeps thinking is alive; one that sends nothing falls silent. */
class StreamRelayTest {

  private static final Duration SILENCE = Duration.ofMillis(300);

  private final ScheduledExecutorService provider = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void stopProvider() {
    provider.shutdownNow();
  }

  @Test
  @DisplayName("thinking without text for longer than the silence timeout is not silence")
  void progressKeepsTheStreamAlive() {
    StreamRelay relay = new StreamRelay("test", null);
    provider.scheduleAtFixedRate(
        () -> relay.onPartialThinking(new PartialThinking("…"), null),
        0,
        SILENCE.toMillis() / 3,
        TimeUnit.MILLISECONDS);
    provider.schedule(
        () ->
            relay.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from("")).build()),
        SILENCE.toMillis() * 4,
        TimeUnit.MILLISECONDS);

    ModelReply reply = relay.drain(token -> {}, StopSignal.never(), SILENCE);

    assertThat(reply.text()).isEmpty();
  }

  @Test
  @DisplayName("a provider that sends nothing is cut off after the silence timeout")
  void nothingIsSilence() {
    StreamRelay relay = new StreamRelay("test", null);

    assertThatThrownBy(() -> relay.drain(token -> {}, StopSignal.never(), SILENCE))
        .isInstanceOf(ModelException.class)
        .hasMessageContaining("sent nothing for 300 ms");
  }
}
