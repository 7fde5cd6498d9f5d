package dev.shortlease.benchmark.held;

import dev.shortlease.application.port.in.AdmitChatUseCase;

/**
 * Teaching variant (benchmark only): no admission line. A connection-per-request framework puts
 * each request straight on the pool, and the pool's acquire timeout is the only bound on its wait
 * (503 after {@code DB_CONNECTION_TIMEOUT_MS}).
 *
 * <p>Why the held mode cannot keep the service's line ({@code AdmissionGate}): the line assumes a
 * start uses the pool only for T1–T3 and leaves it at once. A held request takes its connection
 * inside the line and keeps it for the whole answer, so the line moves at {@code P / L} and a start
 * waits about {@code C / (P / L)} — 40 s at C=200, P=10, L=2 s — instead of the pool's 3 s. That is
 * longer than any client waits: clients hang up and send again, the abandoned requests keep their
 * places (nothing reads their sockets while they wait), and each one, once admitted, holds a
 * connection for an answer nobody reads. Held mode then measured that pile-up (1.6 chats/s, lease 6
 * s per chat at C=200), not the {@code P / L} ceiling of connection-per-request.
 */
final class NoAdmissionLine implements AdmitChatUseCase {

  @Override
  public void enter() {
    // straight to the pool, as in Spring's open-session-in-view or Flask-SQLAlchemy
  }

  @Override
  public void leave() {}

  @Override
  public void close() {
    // nobody waits here; a start after shutdown is refused when it registers, as without a line
  }
}
