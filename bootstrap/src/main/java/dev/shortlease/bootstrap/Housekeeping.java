package dev.shortlease.bootstrap;

import dev.shortlease.application.port.in.InspectPoolUseCase;
import dev.shortlease.application.port.in.RecoverAbandonedMessagesUseCase;
import dev.shortlease.application.port.in.RelayStopRequestsUseCase;
import dev.shortlease.application.port.in.ReplaySpooledAnswersUseCase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The service's periodic work, on one daemon thread. Every sweep interval (a third of the instance
 * lease): renew this instance's lease and end the messages of dead instances, then write the
 * answers the spool kept during a database outage, and forget old stop requests. Every relay
 * interval: the stop requests other instances recorded for this one's runs. Every probe interval:
 * the database readiness probe whose result {@code /health/ready} answers with. A failed round is
 * logged and tried again at the next interval.
 */
final class Housekeeping implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Housekeeping.class);

  private final RecoverAbandonedMessagesUseCase recovery;
  private final RelayStopRequestsUseCase stops;
  private final ReplaySpooledAnswersUseCase spool;
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("housekeeping").factory());
  // Its own thread: a sweep stuck on an unreachable database must not leave readiness stale.
  private final ScheduledExecutorService prober =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("readiness-probe").factory());

  private Housekeeping(
      RecoverAbandonedMessagesUseCase recovery,
      RelayStopRequestsUseCase stops,
      ReplaySpooledAnswersUseCase spool) {
    this.recovery = recovery;
    this.stops = stops;
    this.spool = spool;
  }

  /** Recovers once now (failing the start if the database cannot), then keeps house. */
  static Housekeeping start(
      RecoverAbandonedMessagesUseCase recovery,
      RelayStopRequestsUseCase stops,
      ReplaySpooledAnswersUseCase spool,
      InspectPoolUseCase readiness,
      Duration sweepInterval,
      Duration relayInterval,
      Duration probeInterval) {
    int recovered = recovery.recover();
    if (recovered > 0) {
      LOG.info("ended {} message(s) left running by an earlier process", recovered);
    }
    Housekeeping housekeeping = new Housekeeping(recovery, stops, spool);
    housekeeping.replay();
    housekeeping.every(sweepInterval, housekeeping::sweep);
    housekeeping.every(relayInterval, housekeeping::relay);
    readiness.probeDatabase(); // ready as soon as the server listens
    long probeMillis = probeInterval.toMillis();
    housekeeping.prober.scheduleWithFixedDelay(
        () -> probe(readiness), probeMillis, probeMillis, TimeUnit.MILLISECONDS);
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
        LOG.warn("ended {} message(s) of instances that stopped renewing their lease", recovered);
      }
    } catch (RuntimeException e) {
      LOG.warn("recovery sweep failed, will retry: {}", e.toString());
    }
    replay();
    try {
      stops.forgetOld();
    } catch (RuntimeException e) {
      LOG.warn("forgetting old stop requests failed, will retry: {}", e.toString());
    }
  }

  private void replay() {
    try {
      ReplaySpooledAnswersUseCase.Replayed replayed = spool.replay();
      if (replayed.saved() > 0) {
        LOG.info(
            "saved {} answer(s) kept in the spool while the database was away", replayed.saved());
      }
      for (var message : replayed.refused()) {
        LOG.warn("spooled answer of message {} dropped: the message had ended otherwise", message);
      }
      for (String stuck : replayed.stuck()) {
        LOG.error("spooled answer not written, kept for the next round: {}", stuck);
      }
    } catch (RuntimeException e) {
      LOG.warn("replaying the answer spool failed, will retry: {}", e.toString());
    }
  }

  private static void probe(InspectPoolUseCase readiness) {
    try {
      readiness.probeDatabase();
    } catch (RuntimeException e) {
      LOG.warn("readiness probe failed, will retry: {}", e.toString());
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
    prober.shutdownNow();
  }
}
