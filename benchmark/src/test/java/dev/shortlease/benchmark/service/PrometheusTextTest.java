package dev.shortlease.benchmark.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

  private static final PrometheusText TEXT =
      new PrometheusText(
          """
          # HELP jvm_memory_used_bytes The amount of used memory
          # TYPE jvm_memory_used_bytes gauge
          jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.0E7
          jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2.0E7
          jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 5.0E7
          jvm_memory_used_bytes_total 7
          hikaricp_connections_usage_seconds_sum{pool="shortlease"} 1.5
          """);

  @Test
  @DisplayName("sums the samples of one metric whose labels match, ignoring longer names")
  void sumsMatchingSamples() {
    assertThat(TEXT.sum("jvm_memory_used_bytes", "area=\"heap\"")).isEqualTo(3.0E7);
    assertThat(TEXT.sum("jvm_memory_used_bytes", "")).isEqualTo(8.0E7);
    assertThat(TEXT.sum("hikaricp_connections_usage_seconds_sum", "")).isEqualTo(1.5);
  }

  @Test
  @DisplayName("a metric that is not exposed is NaN, not zero")
  void missingMetricIsNaN() {
    assertThat(TEXT.sum("hikaricp_connections_pending", "")).isNaN();
  }
}
