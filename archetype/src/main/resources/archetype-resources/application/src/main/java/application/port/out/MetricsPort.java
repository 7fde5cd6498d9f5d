package ${package}.application.port.out;

/** The service's metrics (JVM, connection pool, guard) as Prometheus text. */
public interface MetricsPort {
  String scrape();
}
