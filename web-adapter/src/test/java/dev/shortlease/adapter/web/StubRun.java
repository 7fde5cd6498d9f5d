package dev.shortlease.adapter.web;

import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.in.ChatRun;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.MessageFile;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.TaskId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** Test double of a run: the test feeds its events and sees whether the client went away. */
final class StubRun implements ChatRun {
  final BlockingQueue<ChatEvent> events = new LinkedBlockingQueue<>();
  final CountDownLatch disconnected = new CountDownLatch(1);
  final TaskId taskId = TaskId.random();
  final MessageId messageId = MessageId.random();
  final ConversationId conversationId = ConversationId.random();
  final Instant createdAt = Instant.ofEpochSecond(1_705_407_629L);
  final AppMode mode;

  /** The message's attached files ({@code message_end.files}). */
  volatile List<MessageFile> files = List.of();

  /** When set, a text chunk is produced every few milliseconds forever. */
  volatile boolean endless;

  StubRun(AppMode mode) {
    this.mode = mode;
  }

  @Override
  public String user() {
    return "alice";
  }

  @Override
  public List<MessageFile> files() {
    return files;
  }

  @Override
  public TaskId taskId() {
    return taskId;
  }

  @Override
  public MessageId messageId() {
    return messageId;
  }

  @Override
  public ConversationId conversationId() {
    return conversationId;
  }

  @Override
  public AppMode mode() {
    return mode;
  }

  @Override
  public Instant createdAt() {
    return createdAt;
  }

  @Override
  public Optional<ChatEvent> nextEvent(Duration timeout) throws InterruptedException {
    if (endless) {
      Thread.sleep(5);
      return Optional.of(new ChatEvent.TextChunk("tick "));
    }
    return Optional.ofNullable(events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS));
  }

  @Override
  public void disconnect() {
    disconnected.countDown();
  }
}
