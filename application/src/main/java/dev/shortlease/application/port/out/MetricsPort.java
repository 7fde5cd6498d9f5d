package dev.shortlease.application.port.out;

/** Outbound port: the process's metrics in Prometheus text format (rule R6). */
public interface MetricsPort {

  /** Every registered meter, in Prometheus exposition format. */
  String scrape();
}
