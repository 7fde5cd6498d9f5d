package dev.shortlease.benchmark.held;

import dev.shortlease.application.chat.SendMessageService;
import dev.shortlease.application.port.in.ChatRun;
import dev.shortlease.application.port.in.SendMessageCommand;
import dev.shortlease.application.port.in.SendMessageUseCase;
import jakarta.inject.Inject;

/**
 * Teaching variant (benchmark only): the real send-message use case, run the way a
 * connection-per-request framework runs it. The request borrows one connection before T1, its
 * transactions (T1–T3 here, T4 on the generation thread, which inherits the session) all run on it,
 * and it goes back to the pool only after the terminal event was consumed or the client left. The
 * model call in between holds it: exactly what rule R3 forbids.
 */
final class HeldSessionSendMessage implements SendMessageUseCase {

  private final SendMessageService delegate;
  private final HeldSessionDataSource sessions;

  @Inject
  HeldSessionSendMessage(SendMessageService delegate, HeldSessionDataSource sessions) {
    this.delegate = delegate;
    this.sessions = sessions;
  }

  @Override
  public ChatRun send(SendMessageCommand command) {
    HeldSession session = sessions.open();
    RequestSessions.enter(session);
    try {
      return new HeldChatRun(delegate.send(command), session);
    } catch (RuntimeException e) {
      session.release();
      throw e;
    } finally {
      // The generation thread started inside send() has inherited the session already.
      RequestSessions.leave();
    }
  }
}
