package dev.shortlease.guardrails.guard;

/**
 * An open unit of work ({@link ConnectionTracker#beginUnitOfWork()}); closing it returns the thread
 * to the unit it was in before. Close it on the thread that began it (try-with-resources).
 */
public interface UnitOfWork extends AutoCloseable {
  @Override
  void close();
}
