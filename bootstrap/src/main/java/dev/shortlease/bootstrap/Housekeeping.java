package dev.shortlease.bootstrap;

import dev.shortlease.application.port.in.RecoverAbandonedMessagesUseCase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the abandoned-message recovery at start-up and then every {@code interval}, so a message
 * whose final write failed (storage down longer than the runner's retries) does not stay {@code
 * running} until the next restart. A failed sweep is logged and tried again at the next interval.
 */
final class RecoverySweep implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(RecoverySweep.class);

  private final RecoverAbandonedMessagesUseCase recovery;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("recovery-sweep").factory());

  private RecoverySweep(RecoverAbandonedMessagesUseCase recovery) {
    this.recovery = recovery;
  }

  /** Recovers once now (failing the start if the database cannot), then every {@code interval}. */
  static RecoverySweep start(RecoverAbandonedMessagesUseCase recovery, Duration interval) {
    int recovered = recovery.recover();
    if (recovered > 0) {
      LOG.info("ended {} message(s) left running by an earlier process", recovered);
    }
    RecoverySweep sweep = new RecoverySweep(recovery);
    long millis = interval.toMillis();
    sweep.timer.scheduleWithFixedDelay(sweep::sweep, millis, millis, TimeUnit.MILLISECONDS);
    return sweep;
  }

  private void sweep() {
    try {
      int recovered = recovery.recover();
      if (recovered > 0) {
        LOG.warn("ended {} message(s) left running past the time limit", recovered);
      }
    } catch (RuntimeException e) {
      LOG.warn("recovery sweep failed, will retry: {}", e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
