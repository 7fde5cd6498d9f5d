package ${package}.application.port.in;

/** What operators and probes read: readiness and metrics. */
public interface OperationsUseCase {

  boolean ready();

  String metrics();
}
