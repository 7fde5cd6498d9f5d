package dev.shortlease.application.port.in;

/**
 * Use case (operations, at start-up): end the messages a crashed process left {@code running}, as
 * {@code error} with their partial answer (rule R5).
 */
public interface RecoverAbandonedMessagesUseCase {

  /** Returns how many messages were ended. */
  int recover();
}
