package ${package}.application.port.out;

/** Whether the database answers (readiness). */
public interface DatabaseHealthPort {
  boolean databaseReady();
}
