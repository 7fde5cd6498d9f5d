package dev.shortlease.bootstrap;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.shortlease.application.chat.RunRegistry;
import dev.shortlease.application.port.out.ActivityMonitorPort;
import dev.shortlease.application.port.out.ModelMetricsPort;
import dev.shortlease.application.port.out.PoolMonitorPort;
import dev.shortlease.guardrails.guard.ConnectionTracker;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Composition root: what the live page and the model-call metrics need: the model's meters, the
 * recorder of recent leases and model calls (listening to the connection tracker), and the sampler
 * that keeps the last minutes of pool readings (docs/observability.md).
 */
final class ObservabilityModule extends AbstractModule {
  private final String provider;
  private final String configuredModel;

  ObservabilityModule(String provider, String configuredModel) {
    this.provider = provider;
    this.configuredModel = configuredModel;
  }

  @Provides
  @Singleton
  ModelCallMetrics modelCallMetrics(MeterRegistry registry) {
    return new ModelCallMetrics(registry, provider, configuredModel);
  }

  /** The admin's model changes drop the series of models no app names (docs/observability.md). */
  @Provides
  ModelMetricsPort modelMetrics(ModelCallMetrics metrics) {
    return metrics;
  }

  @Provides
  @Singleton
  ActivityRecorder recorder(ConnectionTracker tracker) {
    ActivityRecorder recorder = new ActivityRecorder();
    tracker.addLeaseListener(recorder);
    return recorder;
  }

  @Provides
  @Singleton
  ActivitySampler sampler(
      PoolMonitorPort pool, RunRegistry runs, ModelCallMetrics model, ActivityRecorder recorder) {
    return new ActivitySampler(pool, runs, model, recorder);
  }

  @Provides
  @Singleton
  ActivityMonitorPort activity(ActivitySampler sampler) {
    return sampler;
  }
}
