package dev.shortlease.adapter.web;

import dev.shortlease.application.port.in.InspectPoolUseCase;
import dev.shortlease.application.port.in.ScrapeMetricsUseCase;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Web adapter: operations endpoints. {@code /admin/pool} (admin token) shows the pool snapshot;
 * {@code /metrics} and {@code /health/*} are open, as scrapers and probes expect.
 */
public final class OpsHandler {
  private final ApiAuth auth;
  private final InspectPoolUseCase pool;
  private final ScrapeMetricsUseCase metrics;
  private BooleanSupplier draining = () -> false;

  @Inject
  public OpsHandler(ApiAuth auth, InspectPoolUseCase pool, ScrapeMetricsUseCase metrics) {
    this.auth = auth;
    this.pool = pool;
    this.metrics = metrics;
  }

  void drainingWhen(BooleanSupplier draining) {
    this.draining = draining;
  }

  void pool(Context ctx) {
    auth.requireAdmin(ctx);
    Responses.ok(ctx, pool.snapshot());
  }

  void metrics(Context ctx) {
    ctx.contentType("text/plain; version=0.0.4; charset=utf-8").result(metrics.scrape());
  }

  void live(Context ctx) {
    Responses.ok(ctx, Map.of("status", "UP"));
  }

  /** Not ready while shutting down or when the database does not answer. */
  void ready(Context ctx) {
    if (draining.getAsBoolean()) {
      Responses.json(ctx, 503, Map.of("status", "DOWN", "reason", "shutting down"));
    } else if (!pool.databaseReady()) {
      Responses.json(ctx, 503, Map.of("status", "DOWN", "reason", "database not ready"));
    } else {
      Responses.ok(ctx, Map.of("status", "UP"));
    }
  }
}
