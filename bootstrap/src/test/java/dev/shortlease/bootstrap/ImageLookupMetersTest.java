package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.llm.NameLookups;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The name lookups' meters read the fetcher's counts live, in the Prometheus text an operator
 * scrapes (that the counts move on an abandoned lookup: {@code CheckedDnsResolverTest}).
 */
class ImageLookupMetersTest {
  private final AtomicLong abandoned = new AtomicLong();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final NameLookups lookups =
      new NameLookups() {
        @Override
        public long abandoned() {
          return abandoned.get();
        }

        @Override
        public int inFlight() {
          return inFlight.get();
        }
      };

  @Test
  @DisplayName("an abandoned lookup moves the counter, one in flight the gauge")
  void countsReachTheScrape() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    ImageLookupMeters.bindTo(registry, lookups);
    assertThat(registry.scrape())
        .contains("shortlease_image_lookups_abandoned_total 0.0")
        .contains("shortlease_image_lookups_active 0.0");

    abandoned.incrementAndGet();
    inFlight.incrementAndGet();

    assertThat(registry.scrape())
        .contains("shortlease_image_lookups_abandoned_total 1.0")
        .contains("shortlease_image_lookups_active 1.0");
  }
}
