package dev.shortlease.application.port.in;

/**
 * Use case (operations, at start-up and then every heartbeat): keep this instance's lease, and end
 * the messages left {@code running} by an instance that died, as {@code error} with their partial
 * answer (rule R5).
 */
public interface RecoverAbandonedMessagesUseCase {

  /** Returns how many messages were ended. */
  int recover();
}
