package dev.shortlease.guardrails.testkit;

/** Calls the methods of a checked port; the argument is the checking proxy, not the adapter. */
@FunctionalInterface
public interface PortCalls<T> {
  void call(T port) throws Exception;
}
