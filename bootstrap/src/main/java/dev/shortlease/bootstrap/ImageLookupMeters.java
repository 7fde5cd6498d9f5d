package dev.shortlease.bootstrap;

import dev.shortlease.adapter.llm.NameLookups;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Composition root: the image downloads' name lookups on {@code /metrics}, abandoned ones counted
 * and those in flight against their cap (ADR 0068, follow-up). Abandoned ones climbing is a name
 * server that does not answer, which the DEBUG lines alone hide from an operator.
 */
final class ImageLookupMeters {
  static final String ABANDONED = "shortlease.image.lookups.abandoned";
  static final String ACTIVE = "shortlease.image.lookups.active";

  private ImageLookupMeters() {}

  static void bindTo(MeterRegistry registry, NameLookups lookups) {
    FunctionCounter.builder(ABANDONED, lookups, NameLookups::abandoned)
        .description("Name lookups of image downloads that a stop or the deadline left behind")
        .register(registry);
    Gauge.builder(ACTIVE, lookups, NameLookups::inFlight)
        .description("Name lookups of image downloads running now, abandoned ones included")
        .register(registry);
  }
}
