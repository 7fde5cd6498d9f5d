package dev.shortlease.application.ops;

import dev.shortlease.application.port.in.ScrapeMetricsUseCase;
import dev.shortlease.application.port.out.MetricsPort;
import jakarta.inject.Inject;

/** Use case (operations): hands the metrics port's scrape to the web adapter. */
public final class ScrapeMetricsService implements ScrapeMetricsUseCase {
  private final MetricsPort metrics;

  @Inject
  public ScrapeMetricsService(MetricsPort metrics) {
    this.metrics = metrics;
  }

  @Override
  public String scrape() {
    return metrics.scrape();
  }
}
