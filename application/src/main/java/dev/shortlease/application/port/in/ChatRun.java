package dev.shortlease.application.port.in;

import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.TaskId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The consumer side of one generation (the Task Pipeline as the web adapter sees it). The runner
 * keeps producing on its own thread; this object only hands its events over and carries the
 * client's disconnect back.
 */
public interface ChatRun {

  TaskId taskId();

  MessageId messageId();

  ConversationId conversationId();

  AppMode mode();

  Instant createdAt();

  /**
   * The next event, waiting at most {@code timeout}; empty on timeout (the caller may send a ping).
   * After a terminal event, returns empty at once.
   */
  Optional<ChatEvent> nextEvent(Duration timeout) throws InterruptedException;

  /** The end user ({@code user}) this message answers. */
  String user();

  /** The files the user attached to this message (Dify's {@code message_end.files}). */
  default java.util.List<dev.shortlease.domain.MessageFile> files() {
    return java.util.List.of();
  }

  /** The client went away: stop the generation; its text so far is saved as stopped (rule R5). */
  void disconnect();
}
