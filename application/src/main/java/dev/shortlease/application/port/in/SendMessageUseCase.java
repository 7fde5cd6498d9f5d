package dev.shortlease.application.port.in;

/** Use case: send a message to a chat, agent-chat or completion app (the App Runner's entry). */
public interface SendMessageUseCase {

  /**
   * Runs the short "before the model" transactions on the caller's thread, so bad input or an
   * unknown conversation fails here with nothing saved; then starts generation in the background
   * and returns the run to consume. Once shutdown has begun stopping runs, {@link
   * ShuttingDownException} with nothing saved.
   */
  ChatRun send(SendMessageCommand command);

  /**
   * As {@link #send(SendMessageCommand)}, with files attached to the message: checked against the
   * app's media switches and the user's uploads before anything is saved. A sender that takes no
   * files (a test double, the benchmark's teaching variant) refuses any.
   */
  default ChatRun send(SendMessageCommand command, java.util.List<FileRequest> files) {
    if (!files.isEmpty()) {
      throw new MediaRejectedException(
          MediaRejectedException.Reason.FILE_NOT_ALLOWED, "This sender takes no files.");
    }
    return send(command);
  }
}
