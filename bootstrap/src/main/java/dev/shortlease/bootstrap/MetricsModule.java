package dev.shortlease.bootstrap;

import com.google.inject.AbstractModule;
import dev.shortlease.application.port.out.MetricsPort;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * Composition root: the Micrometer registry every adapter reports to, scraped as Prometheus text
 * through {@link MetricsPort} (rule R6).
 */
final class MetricsModule extends AbstractModule {
  private final PrometheusMeterRegistry registry;

  MetricsModule(PrometheusMeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  protected void configure() {
    // The JVM's own memory, threads and CPU beside the pool's: heap headroom is part of R6's
    // picture.
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    ProcessMeters.bindTo(registry); // ProcessorMetrics, with the names promtool rejects renamed
    bind(MeterRegistry.class).toInstance(registry);
    bind(PrometheusMeterRegistry.class).toInstance(registry);
    bind(MetricsPort.class).toInstance(() -> PlatformThreadScrape.of(registry::scrape));
    bind(RunningChatsGauge.class).asEagerSingleton();
    bind(SpooledAnswersGauge.class).asEagerSingleton();
  }
}
