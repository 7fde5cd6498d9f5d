package dev.shortlease.application.port.out;

import java.util.Set;

/**
 * Outbound port (operations): the model-call meters, one series per model name (rule R6). A model
 * no app names any more must not keep its series until a restart.
 */
public interface ModelMetricsPort {

  /** Drops the series of every model not in {@code inUse}; a later call on one brings it back. */
  void retainModels(Set<String> inUse);
}
