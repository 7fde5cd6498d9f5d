package dev.shortlease.application.port.in;

/** Use case: send a message to a chat, agent-chat or completion app (the App Runner's entry). */
public interface SendMessageUseCase {

  /**
   * Runs the short "before the model" transactions on the caller's thread, so bad input or an
   * unknown conversation fails here with nothing saved; then starts generation in the background
   * and returns the run to consume.
   */
  ChatRun send(SendMessageCommand command);
}
