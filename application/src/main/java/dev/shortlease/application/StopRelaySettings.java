package dev.shortlease.application;

/**
 * How many stops per app may travel to other instances through the database: a token bucket per app
 * and instance, {@code burst} deep, refilled at {@code perSecond}. Stops that find their run on the
 * instance they reach cost no database work and are never limited.
 */
public record StopRelaySettings(int perSecond, int burst) {
  public static final int DEFAULT_PER_SECOND = 20;

  /** How many seconds' worth of stops an app may send at once. */
  public static final int BURST_SECONDS = 5;

  public StopRelaySettings {
    if (perSecond < 1) {
      throw new IllegalArgumentException("perSecond must be at least 1");
    }
    if (burst < 1) {
      throw new IllegalArgumentException("burst must be at least 1");
    }
  }

  /** {@code perSecond}, with a burst of {@link #BURST_SECONDS} seconds' worth. */
  public static StopRelaySettings perSecond(int perSecond) {
    return new StopRelaySettings(perSecond, perSecond * BURST_SECONDS);
  }

  public static StopRelaySettings defaults() {
    return perSecond(DEFAULT_PER_SECOND);
  }
}
