package dev.shortlease.guardrails.guard;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/** A tracker's counters: acquisitions, ended leases and their time, leaks, guard violations. */
final class GuardCounters {
  private final AtomicLong acquisitions = new AtomicLong();
  private final AtomicLong leaks = new AtomicLong();
  private final AtomicLong guardViolations = new AtomicLong();
  private final LongAdder leasesEnded = new LongAdder();
  private final LongAdder leaseNanos = new LongAdder();
  private final Map<String, AtomicLong> violationSites = new ConcurrentHashMap<>();

  void acquired() {
    acquisitions.incrementAndGet();
  }

  void leaseEnded(long heldNanos) {
    leasesEnded.increment();
    leaseNanos.add(heldNanos);
  }

  void leak() {
    leaks.incrementAndGet();
  }

  void guardViolation() {
    guardViolations.incrementAndGet();
  }

  /** Counts a violation at {@code site}; true when it is the first there. */
  boolean guardViolation(String site) {
    guardViolations.incrementAndGet();
    return violationSites.computeIfAbsent(site, s -> new AtomicLong()).getAndIncrement() == 0;
  }

  long acquisitions() {
    return acquisitions.get();
  }

  long leasesEnded() {
    return leasesEnded.sum();
  }

  long leaseNanos() {
    return leaseNanos.sum();
  }

  long leaks() {
    return leaks.get();
  }

  long guardViolations() {
    return guardViolations.get();
  }

  Map<String, Long> guardViolationsBySite() {
    return violationSites.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().get()));
  }
}
