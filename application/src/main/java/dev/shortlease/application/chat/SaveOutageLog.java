package dev.shortlease.application.chat;

import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Says on the log, once per outage, that final saves wait for the database, and once that none
 * waits any more, with how many were saved and how many spooled. Without it an outage showed only
 * housekeeping's retries and the pool's lines: nothing said that answers were being held.
 */
@Singleton
public final class SaveOutageLog {
  private static final System.Logger LOG = System.getLogger(SaveOutageLog.class.getName());

  private int waiting;
  private int saved;
  private int spooled;
  private long since;

  /** A save met its first transient failure and now retries. */
  synchronized void waiting(String reason, Duration window) {
    if (waiting++ == 0) {
      since = System.nanoTime();
      saved = 0;
      spooled = 0;
      LOG.log(
          System.Logger.Level.WARNING,
          "final saves are waiting for the database ("
              + reason
              + "): each retries for up to "
              + window.toSeconds()
              + " s, then its answer goes to the spool");
    }
  }

  /** A save that was waiting ended with {@code result}. */
  synchronized void ended(FinalSave.Result result) {
    if (result == FinalSave.Result.SAVED) {
      saved++;
    } else {
      spooled++;
    }
    if (--waiting == 0) {
      LOG.log(
          System.Logger.Level.INFO,
          "final saves no longer wait for the database (after "
              + Duration.ofNanos(System.nanoTime() - since).toSeconds()
              + " s): "
              + saved
              + " saved, "
              + spooled
              + " spooled or not saved");
    }
  }
}
