package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code shortlease_model_errors_total} is exported at 0 for every kind before any failure:
 * Prometheus' {@code rate()} and {@code increase()} see no rise in a series that is born at 1, so a
 * lazily registered counter would hide the first failure of each kind from alerts and panels.
 */
class ModelErrorCountersTest {
  @Test
  @DisplayName("every kind of model failure has its counter at 0 before the first failure")
  void errorCountersStartAtZero() {
    try (ShortleaseServer server = TestServers.simulated(Map.of())) {
      List<String> errors =
          new Api(server)
              .get("/metrics", null)
              .text()
              .lines()
              .filter(line -> line.startsWith("shortlease_model_errors_total{"))
              .toList();
      assertThat(errors)
          .extracting(line -> line.replaceAll(".*error_type=\"([a-z_]+)\".* ", "$1 "))
          .containsExactlyInAnyOrder(
              "not_configured 0.0",
              "quota_exceeded 0.0",
              "rate_limited 0.0",
              "request_failed 0.0",
              "internal 0.0");
    }
  }
}
