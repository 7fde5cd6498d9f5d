package dev.shortlease.bootstrap;

import dev.shortlease.adapter.web.ResponseObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Composition root: counts the web adapter's answers by method, route template and status, as
 * {@code shortlease_http_responses_total}: the dashboard's 429 and 503 rates come from it.
 */
final class HttpResponseMetrics implements ResponseObserver {
  static final String NAME = "shortlease.http.responses";

  private final MeterRegistry registry;

  /** One counter per method, route and status, found without building a meter ID per answer. */
  private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

  private record Key(String method, String route, int status) {}

  @Inject
  HttpResponseMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void answered(String method, String route, int status) {
    counters
        .computeIfAbsent(
            new Key(method, route, status),
            key ->
                Counter.builder(NAME)
                    .description("HTTP answers by method, route template and status")
                    .tags("method", method, "route", route, "status", Integer.toString(status))
                    .register(registry))
        .increment();
  }
}
