package ${package}.bootstrap;

import ${package}.application.port.out.MetricsPort;
import com.google.inject.AbstractModule;
import dev.shortlease.guardrails.guard.ConnectionTracker;
import dev.shortlease.guardrails.guard.GuardMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * The Micrometer registry every part reports to (HikariCP's pool, the JVM, the connection guard's
 * counters), scraped as Prometheus text through {@link MetricsPort}.
 */
final class MetricsModule extends AbstractModule {
  private final PrometheusMeterRegistry registry;
  private final ConnectionTracker tracker;

  MetricsModule(PrometheusMeterRegistry registry, ConnectionTracker tracker) {
    this.registry = registry;
    this.tracker = tracker;
  }

  @Override
  protected void configure() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new GuardMetrics(tracker).bindTo(registry);
    bind(MeterRegistry.class).toInstance(registry);
    bind(MetricsPort.class).toInstance(registry::scrape);
  }
}
