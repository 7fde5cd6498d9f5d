package dev.shortlease.application.chat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.application.WakeUpTimer;
import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.domain.AgentThoughtId;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.TokenUsage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("The event buffer between runner and consumer")
class EventBufferTest {
  private static final Duration NOW = Duration.ZERO;
  private final EventBuffer buffer = new EventBuffer(2);

  @Test
  @DisplayName("beyond capacity, text is coalesced in order and never blocks the producer")
  void coalescesTextBeyondCapacity() throws Exception {
    for (int i = 0; i < 1000; i++) {
      buffer.publish(new ChatEvent.TextChunk(i + ","));
    }
    assertThat(buffer.size()).isEqualTo(3);

    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 3; i++) {
      text.append(((ChatEvent.TextChunk) buffer.next(NOW).orElseThrow()).text());
    }
    assertThat(text.toString()).startsWith("0,1,2,3,").endsWith("998,999,");
    assertThat(buffer.next(NOW)).isEmpty();
  }

  @Test
  @DisplayName("non-text events keep their place after the coalesced text before them")
  void keepsOrderAroundThoughts() throws Exception {
    ChatEvent.AgentThoughtEvent thought =
        new ChatEvent.AgentThoughtEvent(AgentThoughtId.random(), 1, "t", "", null, Map.of());
    buffer.publish(new ChatEvent.TextChunk("a"));
    buffer.publish(new ChatEvent.TextChunk("b"));
    buffer.publish(new ChatEvent.TextChunk("c"));
    buffer.publish(thought);
    buffer.publish(new ChatEvent.TextChunk("d"));

    assertThat(buffer.next(NOW)).contains(new ChatEvent.TextChunk("a"));
    assertThat(buffer.next(NOW)).contains(new ChatEvent.TextChunk("b"));
    assertThat(buffer.next(NOW)).contains(new ChatEvent.TextChunk("c"));
    assertThat(buffer.next(NOW)).contains(thought);
    assertThat(buffer.next(NOW)).contains(new ChatEvent.TextChunk("d"));
  }

  @Test
  @DisplayName("after the terminal event, and after close, next answers empty at once")
  void emptyAfterTerminalAndClose() throws Exception {
    buffer.publish(new ChatEvent.MessageEnd(TokenUsage.NONE, Duration.ZERO, MessageStatus.NORMAL));
    buffer.publish(new ChatEvent.TextChunk("late"));
    assertThat(buffer.next(NOW)).containsInstanceOf(ChatEvent.MessageEnd.class);
    assertThat(buffer.next(Duration.ofSeconds(5))).isEmpty();

    EventBuffer closed = new EventBuffer(2);
    closed.publish(new ChatEvent.TextChunk("dropped"));
    closed.close();
    closed.publish(new ChatEvent.TextChunk("ignored"));
    assertThat(closed.size()).isZero();
    assertThat(closed.next(Duration.ofSeconds(5))).isEmpty();
  }

  @Test
  @DisplayName("a waiting consumer times out empty when nothing comes")
  void timesOut() throws Exception {
    long start = System.nanoTime();
    assertThat(buffer.next(Duration.ofMillis(30))).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(25));
  }

  @Test
  @DisplayName("a wait woken by an event leaves no wake-up behind; one that runs out is woken")
  void waitsAreUntimedAndLeaveNoTimer() throws Exception {
    EventBuffer buffer = new EventBuffer(8);
    int before = WakeUpTimer.pending();
    Thread producer =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    Thread.sleep(50);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  buffer.publish(new ChatEvent.TextChunk("hi"));
                });

    assertThat(buffer.next(Duration.ofSeconds(30))).isPresent();
    producer.join();
    assertThat(WakeUpTimer.pending()).isEqualTo(before);

    long start = System.nanoTime();
    assertThat(buffer.next(Duration.ofMillis(60))).isEmpty();
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isBetween(Duration.ofMillis(60), Duration.ofSeconds(5));
    assertThat(WakeUpTimer.pending()).isEqualTo(before);
  }
}
