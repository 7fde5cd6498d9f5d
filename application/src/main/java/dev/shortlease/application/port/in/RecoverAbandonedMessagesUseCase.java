package dev.shortlease.application.port.in;

/**
 * Use case (operations, at start-up and then periodically): end the messages left {@code running}
 * by a crashed process or by a final write that failed, as {@code error} with their partial answer
 * (rule R5).
 */
public interface RecoverAbandonedMessagesUseCase {

  /** Returns how many messages were ended. */
  int recover();
}
