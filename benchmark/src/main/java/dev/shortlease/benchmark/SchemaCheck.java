package dev.shortlease.benchmark;

/**
 * Benchmark: a look at a point's database after its service stopped and before its schema is
 * dropped (the smoke test checks that every message ended in a terminal state).
 */
@FunctionalInterface
public interface SchemaCheck {

  SchemaCheck NONE = (mode, concurrency, schemaUrl, schema) -> {};

  void check(Mode mode, int concurrency, String schemaUrl, String schema) throws Exception;
}
