package dev.shortlease.application.chat;

import dev.shortlease.application.StopRelaySettings;
import dev.shortlease.domain.AppId;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Rate limit of the stops that travel through the database: a token bucket per app. Without it any
 * key could fill {@code stop_request} with random task IDs as fast as it can send. Idle buckets
 * (full again) are dropped once {@link #MAX_IDLE_APPS} apps have one, so memory stays bounded by
 * the apps that are actually stopping.
 */
@Singleton
public final class StopRelayBudget {
  static final int MAX_IDLE_APPS = 10_000;

  private final double perNano;
  private final int burst;
  private final LongSupplier nanoTime;
  private final Map<AppId, Bucket> buckets = new ConcurrentHashMap<>();

  @Inject
  public StopRelayBudget(StopRelaySettings settings) {
    this(settings, System::nanoTime);
  }

  StopRelayBudget(StopRelaySettings settings, LongSupplier nanoTime) {
    this.perNano = settings.perSecond() / 1e9;
    this.burst = settings.burst();
    this.nanoTime = nanoTime;
  }

  /** Takes one stop from {@code app}'s budget; false when it is spent. */
  public boolean tryTake(AppId app) {
    long now = nanoTime.getAsLong();
    if (buckets.size() >= MAX_IDLE_APPS) {
      buckets.values().removeIf(bucket -> bucket.isFull(now));
    }
    return buckets.computeIfAbsent(app, key -> new Bucket(now)).tryTake(now);
  }

  private final class Bucket {
    private double tokens = burst;
    private long refilledAt;

    Bucket(long now) {
      refilledAt = now;
    }

    synchronized boolean tryTake(long now) {
      refill(now);
      if (tokens < 1) {
        return false;
      }
      tokens -= 1;
      return true;
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return tokens >= burst;
    }

    private void refill(long now) {
      tokens = Math.min(burst, tokens + (now - refilledAt) * perNano);
      refilledAt = now;
    }
  }
}
