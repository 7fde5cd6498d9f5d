package dev.shortlease.application.port.in;

/** Use case (operations): the metrics of this instance, as Prometheus text. */
public interface ScrapeMetricsUseCase {
  String scrape();
}
