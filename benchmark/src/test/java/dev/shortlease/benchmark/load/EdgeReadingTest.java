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

  @Test
  @DisplayName("a reading moved on by a later window adds that window's deltas, not its totals")
  void windowsAddUp() {
    EdgeReading open1 = reading(1_000, 10, 1, 5, 100, 400, 0, 2.0, 20, "a");
    EdgeReading close1 = reading(3_000, 12, 1.5, 6, 150, 500, 1, 2.5, 30, "b");
    EdgeReading open2 = reading(9_000, 20, 2, 9, 300, 900, 4, 4.0, 50, "c");
    EdgeReading close2 = reading(10_000, 23, 2, 10, 340, 1000, 4, 4.25, 55, "d");

    EdgeReading both = close1.plusWindow(open2, close2);

    assertThat(both.nanoTime() - open1.nanoTime()).as("two windows' length").isEqualTo(3_000);
    assertThat(both.serverCpuS() - open1.serverCpuS()).isEqualTo(5.0);
    assertThat(both.serverJitCpuS() - open1.serverJitCpuS()).isEqualTo(0.5);
    assertThat(both.generatorCpuS() - open1.generatorCpuS()).isEqualTo(2.0);
    assertThat(both.machineBusyTicks() - open1.machineBusyTicks()).isEqualTo(90);
    assertThat(both.machineTotalTicks() - open1.machineTotalTicks()).isEqualTo(200);
    assertThat(both.poolTimeouts() - open1.poolTimeouts()).isEqualTo(1);
    assertThat(both.leaseSecondsSum() - open1.leaseSecondsSum()).isEqualTo(0.75);
    assertThat(both.leaseCount() - open1.leaseCount()).isEqualTo(15);
    assertThat(both.pool().asText()).as("the later pool snapshot").isEqualTo("d");
  }

  private static EdgeReading reading(
      long nanos,
      double cpu,
      double jit,
      double generator,
      long busy,
      long total,
      long timeouts,
      double leaseSum,
      double leaseCount,
      String pool) {
    return new EdgeReading(
        nanos,
        cpu,
        jit,
        generator,
        busy,
        total,
        timeouts,
        leaseSum,
        leaseCount,
        com.fasterxml.jackson.databind.node.TextNode.valueOf(pool));
  }
}
