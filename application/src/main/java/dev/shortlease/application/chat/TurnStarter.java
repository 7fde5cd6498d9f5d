package dev.shortlease.application.chat;

import dev.shortlease.application.ReliabilitySettings;
import dev.shortlease.application.port.in.MediaRejectedException;
import dev.shortlease.application.port.in.MediaRejectedException.Reason;
import dev.shortlease.domain.MessageFile;
import dev.shortlease.domain.MessageOutcome;
import dev.shortlease.domain.NewTurn;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.StartedTurn;
import dev.shortlease.domain.StorageUnavailableException;
import dev.shortlease.domain.port.FinishMessagePort;
import dev.shortlease.domain.port.MessageFilesPort;
import dev.shortlease.domain.port.StartTurnPort;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Starts a chat's turn: T2 saves the end user, the conversation and the running message in one
 * short transaction, then the attached files are recorded against that message. A start that fails
 * after T2 is ended here ({@link #abandon}), so the running message is not left for recovery.
 */
public final class TurnStarter {
  /** The shortest time between two attempts at T2. */
  private static final Duration RETRY_PAUSE = Duration.ofMillis(100);

  private final StartTurnPort startTurn;
  private final MessageFilesPort messageFiles;
  private final FinishMessagePort finish;
  private final Duration startWait;

  @Inject
  public TurnStarter(
      StartTurnPort startTurn,
      MessageFilesPort messageFiles,
      FinishMessagePort finish,
      ReliabilitySettings reliability) {
    this.startTurn = startTurn;
    this.messageFiles = messageFiles;
    this.finish = finish;
    this.startWait = reliability.admissionWait();
  }

  /**
   * T2. A start that got no connection within the pool's acquire timeout ran nothing, so it tries
   * again until the admission wait is spent: past the CPU limit, when every lease is slow, a start
   * waits longer instead of being refused by the pool (503 only once that wait is over).
   */
  public StartedTurn start(NewTurn turn, long startNanos) {
    long deadline = startNanos + startWait.toNanos();
    while (true) {
      long attempt = System.nanoTime();
      try {
        return startTurn.startTurn(turn);
      } catch (StorageUnavailableException e) {
        if (!e.noConnection() || System.nanoTime() - deadline >= 0) {
          throw e;
        }
        pauseIfQuick(attempt);
      }
    }
  }

  /**
   * Records the files checked before T2 against the message it saved (no transaction if none). An
   * upload deleted since the check (the uploads cleanup) is refused as a missing one is, with
   * Dify's "Invalid upload file"; the caller then ends the message ({@link #abandon}).
   */
  public void attachFiles(StartedTurn turn, List<MessageFile> files) {
    if (files.isEmpty()) {
      return;
    }
    try {
      messageFiles.attachFiles(turn.owner(), turn.messageId(), files);
    } catch (NotFoundException e) {
      if (!MessageFilesPort.UPLOAD.equals(e.what())) {
        throw e;
      }
      throw new MediaRejectedException(Reason.INVALID_UPLOAD, "Invalid upload file");
    }
  }

  /**
   * Ends the running message T2 saved when the start failed after it (rule R5); a failure to end it
   * is added to {@code failure} as suppressed. The failure itself reaches the log through the
   * caller's error mapping, not the stored text.
   */
  public void abandon(StartedTurn turn, Throwable failure) {
    try {
      finish.finishMessage(
          turn.owner(),
          turn.messageId(),
          MessageOutcome.failed(
              "", "internal_error: the answer could not be started", null, Duration.ZERO));
    } catch (RuntimeException suppressed) {
      failure.addSuppressed(suppressed);
    }
  }

  /** An attempt refused at once (a pool shutting down) must not turn the retries into a spin. */
  private static void pauseIfQuick(long attemptNanos) {
    long pause = RETRY_PAUSE.toNanos() - (System.nanoTime() - attemptNanos);
    if (pause > 0) {
      try {
        TimeUnit.NANOSECONDS.sleep(pause);
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt();
        throw new StorageUnavailableException("interrupted while waiting for a connection", null);
      }
    }
  }
}
