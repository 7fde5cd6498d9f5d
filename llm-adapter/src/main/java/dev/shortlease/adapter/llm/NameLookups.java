package dev.shortlease.adapter.llm;

/**
 * The image downloads' name lookups, counted as they run (ADR 0068, follow-up): read by the
 * composition root's meters, so a name server that does not answer shows on {@code /metrics}.
 */
public interface NameLookups {
  /** Lookups a download stopped waiting for (a stop, its deadline), since the process started. */
  long abandoned();

  /** Lookups running now on threads of their own, abandoned ones included; at most the cap (32). */
  int inFlight();
}
