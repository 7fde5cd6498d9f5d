package dev.shortlease.guardrails.guard;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Micrometer binder for a {@link ConnectionTracker}: long-call guard violations, leaks, connections
 * held now and acquired in total, and the time the returned ones were held, each tagged {@code
 * tracker=<name>}. Needs micrometer-core on the class path (an optional dependency of the guard).
 *
 * <p>In Prometheus: {@code guardrails_long_call_violations_total}, {@code
 * guardrails_connection_leaks_total}, {@code guardrails_connections_held}, {@code
 * guardrails_connections_acquired_total}, {@code guardrails_connections_lease_seconds_count},
 * {@code _sum} and {@code _max}, and {@code guardrails_acquiring_stacks_recorded} (1 while
 * checkouts record their acquiring stacks, see {@link AcquiringStacks}). The lease time is exact,
 * in nanoseconds: {@code rate(..._sum)} is the average number of connections in use, where
 * HikariCP's {@code hikaricp_connections_usage_seconds} counts each lease in whole milliseconds (a
 * 0.9 ms lease as 0). The lease timer is a {@link Timer} fed by a {@link LeaseListener}, so a
 * registry's {@code MeterFilter} can give it percentiles or histogram buckets; it counts the leases
 * that end after {@link #bindTo}.
 */
public final class GuardMetrics implements MeterBinder {
  public static final String VIOLATIONS = "guardrails.long.call.violations";
  public static final String LEAKS = "guardrails.connection.leaks";
  public static final String HELD = "guardrails.connections.held";
  public static final String ACQUIRED = "guardrails.connections.acquired";
  public static final String LEASE = "guardrails.connections.lease";
  public static final String STACKS = "guardrails.acquiring.stacks.recorded";

  private final ConnectionTracker tracker;

  public GuardMetrics(ConnectionTracker tracker) {
    this.tracker = Objects.requireNonNull(tracker, "tracker");
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    Tags tags = Tags.of("tracker", tracker.name());
    FunctionCounter.builder(VIOLATIONS, tracker, ConnectionTracker::guardViolations)
        .description("Long calls entered while a pooled connection was held")
        .tags(tags)
        .register(registry);
    FunctionCounter.builder(LEAKS, tracker, ConnectionTracker::leaks)
        .description("Use-case calls that returned with more connections checked out")
        .tags(tags)
        .register(registry);
    Gauge.builder(HELD, tracker, ConnectionTracker::openLeases)
        .description("Pooled connections checked out now")
        .tags(tags)
        .register(registry);
    FunctionCounter.builder(ACQUIRED, tracker, ConnectionTracker::acquisitions)
        .description("Pooled connections handed out")
        .tags(tags)
        .register(registry);
    Gauge.builder(STACKS, tracker, t -> t.recordingStacks() ? 1 : 0)
        .description(
            "1 while checkouts record their acquiring stacks (always, or since the first report)")
        .tags(tags)
        .register(registry);
    Timer lease =
        Timer.builder(LEASE)
            .description("Time returned connections were held, checkout to return")
            .tags(tags)
            .register(registry);
    tracker.addLeaseListener(ended -> lease.record(ended.heldNanos(), TimeUnit.NANOSECONDS));
  }
}
