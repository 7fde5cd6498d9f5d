package dev.shortlease.benchmark.held;

import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.in.ChatRun;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.TaskId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Teaching variant (benchmark only): a {@link ChatRun} that releases the request's held connection
 * only when the terminal event has been consumed or the client went away, as a request-scoped
 * session does when the request ends.
 */
final class HeldChatRun implements ChatRun {

  private final ChatRun delegate;
  private final HeldSession session;

  HeldChatRun(ChatRun delegate, HeldSession session) {
    this.delegate = delegate;
    this.session = session;
  }

  @Override
  public Optional<ChatEvent> nextEvent(Duration timeout) throws InterruptedException {
    Optional<ChatEvent> event = delegate.nextEvent(timeout);
    if (event.isPresent() && event.get().isTerminal()) {
      session.release();
    }
    return event;
  }

  @Override
  public void disconnect() {
    delegate.disconnect();
    session.release();
  }

  @Override
  public String user() {
    return delegate.user();
  }

  @Override
  public TaskId taskId() {
    return delegate.taskId();
  }

  @Override
  public MessageId messageId() {
    return delegate.messageId();
  }

  @Override
  public ConversationId conversationId() {
    return delegate.conversationId();
  }

  @Override
  public AppMode mode() {
    return delegate.mode();
  }

  @Override
  public Instant createdAt() {
    return delegate.createdAt();
  }
}
