package dev.shortlease.bootstrap;

import dev.shortlease.application.chat.RunRegistry;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;

/**
 * Composition root: the generations running in this process, on {@code /metrics} as {@code
 * shortlease_chats_running} — beside the pool's gauges it shows R2 at work: many chats, few
 * connections.
 */
final class RunningChatsGauge {
  static final String NAME = "shortlease.chats.running";

  @Inject
  RunningChatsGauge(MeterRegistry registry, RunRegistry runs) {
    Gauge.builder(NAME, runs, RunRegistry::runningCount)
        .description("chat and completion generations running in this process")
        .register(registry);
  }
}
