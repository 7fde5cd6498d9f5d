package dev.shortlease.application.ops;

import dev.shortlease.application.LimitSettings;
import dev.shortlease.application.port.in.InspectPoolUseCase;
import dev.shortlease.application.port.out.PoolMonitorPort;
import dev.shortlease.application.port.out.PoolSnapshot;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Use case (operations): the connection pool's state and the database's readiness (rule R6).
 * Readiness is the cached result of a background probe, never a connection per call: a probe every
 * {@link LimitSettings#readinessProbeInterval()}, and a result older than two intervals plus the
 * probe's own slack counts as not ready (the probe itself is stuck).
 */
public final class InspectPoolService implements InspectPoolUseCase {
  /** Room for one slow probe (the pool's acquire timeout, a statement timeout) on a busy host. */
  private static final Duration PROBE_SLACK = Duration.ofSeconds(5);

  private final PoolMonitorPort pool;
  private final long staleAfterNanos;

  /** The last probe: its result and when it ended; none yet until the first probe. */
  private record Probe(boolean ready, long atNanos) {}

  private volatile Probe last;

  @Inject
  public InspectPoolService(PoolMonitorPort pool, LimitSettings settings) {
    this.pool = pool;
    this.staleAfterNanos =
        settings.readinessProbeInterval().multipliedBy(2).plus(PROBE_SLACK).toNanos();
  }

  @Override
  public PoolSnapshot snapshot() {
    return pool.snapshot();
  }

  @Override
  public boolean databaseReady() {
    Probe probe = last;
    return probe != null && probe.ready() && System.nanoTime() - probe.atNanos() < staleAfterNanos;
  }

  @Override
  public void probeDatabase() {
    last = new Probe(pool.databaseReady(), System.nanoTime());
  }
}
