package ${package}.application;

import ${package}.application.port.in.OperationsUseCase;
import ${package}.application.port.out.DatabaseHealthPort;
import ${package}.application.port.out.MetricsPort;
import jakarta.inject.Inject;

/** Readiness and metrics, passed through from their ports. */
public final class OperationsService implements OperationsUseCase {
  private final DatabaseHealthPort database;
  private final MetricsPort metrics;

  @Inject
  public OperationsService(DatabaseHealthPort database, MetricsPort metrics) {
    this.database = database;
    this.metrics = metrics;
  }

  @Override
  public boolean ready() {
    return database.databaseReady();
  }

  @Override
  public String metrics() {
    return metrics.scrape();
  }
}
