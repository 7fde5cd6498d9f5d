package dev.shortlease.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.benchmark.service.PrometheusText;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class EdgeReadingTest {

  private static final String HIKARI =
      "hikaricp_connections_usage_seconds_sum{pool=\"shortlease\"} 1.0\n"
          + "hikaricp_connections_usage_seconds_count{pool=\"shortlease\"} 8.0\n";

  @Test
  @DisplayName("the lease time is the tracker's exact sum when the service exports it")
  void prefersTheTrackersExactLeaseTime() {
    PrometheusText metrics =
        new PrometheusText(
            HIKARI
                + "guardrails_connections_lease_seconds_count{tracker=\"shortlease\"} 10.0\n"
                + "guardrails_connections_lease_seconds_sum{tracker=\"shortlease\"} 1.75\n");

    assertThat(EdgeReading.leaseTotals(metrics)).containsExactly(1.75, 10.0);
  }

  @Test
  @DisplayName("the floor's exact sum comes next, HikariCP's whole milliseconds last")
  void fallsBackInOrder() {
    assertThat(
            EdgeReading.leaseTotals(
                new PrometheusText(
                    HIKARI
                        + "floor_connections_lease_seconds_count 9.0\n"
                        + "floor_connections_lease_seconds_sum 1.25\n")))
        .containsExactly(1.25, 9.0);
    assertThat(EdgeReading.leaseTotals(new PrometheusText(HIKARI))).containsExactly(1.0, 8.0);
    assertThat(EdgeReading.leaseTotals(new PrometheusText("other_metric 3\n")))
        .containsExactly(Double.NaN, Double.NaN);
  }
}
