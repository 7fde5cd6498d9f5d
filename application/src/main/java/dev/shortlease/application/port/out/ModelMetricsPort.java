package dev.shortlease.application.port.out;

import dev.shortlease.domain.ModelSettings;
import java.util.Set;

/**
 * Outbound port (operations): the model-call meters, one series per model name (rule R6). A model
 * no app names any more must not keep its series until a restart.
 */
public interface ModelMetricsPort {

  /**
   * Drops the series of every model the apps' {@code inUse} settings do not call (a placeholder
   * calls the configured model, {@link ModelSettings#modelOr}); a later call brings one back.
   */
  void retainModels(Set<ModelSettings> inUse);
}
