package dev.shortlease.bootstrap;

import dev.shortlease.application.port.in.RecoverAbandonedMessagesUseCase;
import dev.shortlease.application.port.in.RelayStopRequestsUseCase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's periodic work, on one daemon thread: the abandoned-message recovery at start-up and
 * then every sweep interval (so a message whose final write failed does not stay {@code running}
 * until the next restart), forgetting old stop requests with it, and every relay interval the stop
 * requests other instances recorded for this one's runs. A failed round is logged and tried again
 * at the next interval.
 */
final class Housekeeping implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

  private final RecoverAbandonedMessagesUseCase recovery;
  private final RelayStopRequestsUseCase stops;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("housekeeping").factory());

  private Housekeeping(RecoverAbandonedMessagesUseCase recovery, RelayStopRequestsUseCase stops) {
    this.recovery = recovery;
    this.stops = stops;
  }

  /** Recovers once now (failing the start if the database cannot), then keeps house. */
  static Housekeeping start(
      RecoverAbandonedMessagesUseCase recovery,
      RelayStopRequestsUseCase stops,
      Duration sweepInterval,
      Duration relayInterval) {
    int recovered = recovery.recover();
    if (recovered > 0) {
      LOG.info("ended {} message(s) left running by an earlier process", recovered);
    }
    Housekeeping housekeeping = new Housekeeping(recovery, stops);
    housekeeping.every(sweepInterval, housekeeping::sweep);
    housekeeping.every(relayInterval, housekeeping::relay);
    return housekeeping;
  }

  private void every(Duration interval, Runnable job) {
    long millis = interval.toMillis();
    timer.scheduleWithFixedDelay(job, millis, millis, TimeUnit.MILLISECONDS);
  }

  private void sweep() {
    try {
      int recovered = recovery.recover();
      if (recovered > 0) {
        LOG.warn("ended {} message(s) left running past the time limit", recovered);
      }
      stops.forgetOld();
    } catch (RuntimeException e) {
      LOG.warn("recovery sweep failed, will retry: {}", e.toString());
    }
  }

  private void relay() {
    try {
      stops.applyRecent();
    } catch (RuntimeException e) {
      LOG.warn("reading stop requests failed, will retry: {}", e.toString());
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
