package dev.shortlease.adapter.web;

import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Web adapter: counts failed authentications per client address in fixed windows; an address past
 * the limit is refused before its key is looked up (no database read) until its window ends. The
 * table is bounded: once a window it drops the ended ones, so it holds the addresses of about the
 * last two windows; past {@link #MAX_ADDRESSES} it drops ended windows at once, then (under a
 * spread-out flood) arbitrary ones — letting some addresses try again early rather than growing
 * without end. An address is kept by its first {@link #MAX_ADDRESS_CHARS} characters: a forwarded
 * one is whatever the nearest trusted proxy passed on, up to a whole header line, and 100,000 of
 * those would take hundreds of megabytes.
 */
final class FailedAuthThrottle {
  static final int MAX_ADDRESSES = 100_000;

  /** Longer than any IPv6 literal with a zone and a port. */
  static final int MAX_ADDRESS_CHARS = 64;

  private final int limit;
  private final long windowNanos;
  private final LongSupplier clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();
  private final AtomicLong lastSweepNanos;

  private record Window(long startNanos, int failures) {}

  FailedAuthThrottle(int limit, Duration window, LongSupplier clock) {
    this.limit = limit;
    this.windowNanos = window.toNanos();
    this.clock = clock;
    this.lastSweepNanos = new AtomicLong(clock.getAsLong());
  }

  /** Seconds until {@code address} may try again; 0 when it may now. */
  long refusedForSeconds(String address) {
    if (limit == 0) {
      return 0;
    }
    Window window = windows.get(kept(address));
    long now = clock.getAsLong();
    if (window == null || window.failures() < limit || ended(window, now)) {
      return 0;
    }
    long left = window.startNanos() + windowNanos - now;
    return Math.max(1, (left + 999_999_999) / 1_000_000_000);
  }

  void recordFailure(String address) {
    if (limit == 0) {
      return;
    }
    long now = clock.getAsLong();
    windows.compute(
        kept(address),
        (key, window) ->
            window == null || ended(window, now)
                ? new Window(now, 1)
                : new Window(window.startNanos(), window.failures() + 1));
    if (windows.size() > MAX_ADDRESSES) {
      trim(now);
    } else if (claimSweep(now)) {
      windows.values().removeIf(window -> ended(window, now));
    }
  }

  /**
   * One caller per window sweeps: the table then holds about two windows' addresses, not 100,000.
   */
  private boolean claimSweep(long now) {
    long last = lastSweepNanos.get();
    return now - last >= windowNanos && lastSweepNanos.compareAndSet(last, now);
  }

  /** Addresses with a window being counted (bounded by {@link #MAX_ADDRESSES}). */
  int trackedAddresses() {
    return windows.size();
  }

  /** Characters the table holds for its keys (tests). */
  long keptChars() {
    return windows.keySet().stream().mapToLong(String::length).sum();
  }

  private static String kept(String address) {
    return address.length() > MAX_ADDRESS_CHARS ? address.substring(0, MAX_ADDRESS_CHARS) : address;
  }

  private boolean ended(Window window, long now) {
    return now - window.startNanos() >= windowNanos;
  }

  private void trim(long now) {
    windows.values().removeIf(window -> ended(window, now));
    Iterator<String> addresses = windows.keySet().iterator();
    while (windows.size() > MAX_ADDRESSES && addresses.hasNext()) {
      addresses.next();
      addresses.remove();
    }
  }
}
