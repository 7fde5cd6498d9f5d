package dev.shortlease.adapter.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.shortlease.domain.ApiKey;
import dev.shortlease.domain.ApiKeyHash;
import dev.shortlease.domain.ApiKeyId;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppUpdate;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.port.ApiKeysPort;
import dev.shortlease.domain.port.AppsPort;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Persistence adapter: the app catalog with a short-lived cache for T1, the key and app lookups of
 * every request. Only found values are cached (a key issued a moment ago works at once); a change
 * made through this instance drops what it touched at once; other instances see it within the TTL.
 */
final class CachingAppCatalog implements AppsPort, ApiKeysPort {
  static final long MAXIMUM_ENTRIES = 10_000;

  private final AppsPort apps;
  private final ApiKeysPort keys;
  private final Cache<ApiKeyHash, AppId> appIdsByKey;
  private final Cache<AppId, App> appsById;
  // Bumped by every change made here: a lookup that overlapped one drops what it just cached.
  private final AtomicLong changes = new AtomicLong();

  <T extends AppsPort & ApiKeysPort> CachingAppCatalog(T catalog, Duration ttl, Ticker ticker) {
    if (!ttl.isPositive()) {
      throw new IllegalArgumentException("ttl must be positive; without a cache use the catalog");
    }
    this.apps = Objects.requireNonNull(catalog, "catalog");
    this.keys = catalog;
    this.appIdsByKey = newCache(ttl, ticker);
    this.appsById = newCache(ttl, ticker);
  }

  private static <K, V> Cache<K, V> newCache(Duration ttl, Ticker ticker) {
    return Caffeine.newBuilder()
        .maximumSize(MAXIMUM_ENTRIES)
        .expireAfterWrite(ttl)
        .ticker(Objects.requireNonNull(ticker, "ticker"))
        .recordStats()
        .build();
  }

  /**
   * Publishes hits, misses, evictions and size of both caches as {@code cache_*} meters, tagged
   * {@code cache="app_keys"} and {@code cache="apps"}.
   */
  void bindMetrics(MeterRegistry registry) {
    CaffeineCacheMetrics.monitor(registry, appIdsByKey, "app_keys");
    CaffeineCacheMetrics.monitor(registry, appsById, "apps");
  }

  @Override
  public Optional<App> findApp(AppId id) {
    return Optional.ofNullable(cached(appsById, id, key -> apps.findApp(key).orElse(null)));
  }

  @Override
  public Optional<AppId> findAppIdByKey(ApiKeyHash hash) {
    return Optional.ofNullable(
        cached(appIdsByKey, hash, key -> keys.findAppIdByKey(key).orElse(null)));
  }

  /**
   * A hit, or a read stored when found. No lock is held while the database is read: with Caffeine's
   * per-key load, callers of a hot key would wait on a monitor for the pool, pinning their carrier
   * threads on JDK 21, and a caller holding a connection could wait on one that needs a connection.
   * Concurrent misses may each read; a change made meanwhile makes the reader drop what it stored,
   * since it may have read the state before the change.
   */
  private <K, V> V cached(Cache<K, V> cache, K key, Function<K, V> read) {
    V hit = cache.getIfPresent(key);
    if (hit != null) {
      return hit;
    }
    long seen = changes.get();
    V found = read.apply(key);
    if (found != null) {
      cache.put(key, found);
      if (changes.get() != seen) {
        cache.invalidate(key);
      }
    }
    return found;
  }

  /** Drops the cached state rather than storing the result: updates may return out of order. */
  @Override
  public Optional<App> updateApp(AppId id, AppUpdate update) {
    try {
      return apps.updateApp(id, update);
    } finally {
      changes.incrementAndGet();
      appsById.invalidate(id);
    }
  }

  /** The hash of {@code keyId} is not known here, so every cached key of the app is dropped. */
  @Override
  public boolean revokeKey(AppId appId, ApiKeyId keyId) {
    try {
      return keys.revokeKey(appId, keyId);
    } finally {
      changes.incrementAndGet();
      appIdsByKey.asMap().values().removeIf(appId::equals);
    }
  }

  @Override
  public AppId createApp(NewApp app) {
    return apps.createApp(app);
  }

  @Override
  public List<App> listApps() {
    return apps.listApps();
  }

  /** Nothing to drop: misses are never cached, so the new key is found on its first use. */
  @Override
  public ApiKeyId addKey(AppId appId, ApiKeyHash hash, String prefix) {
    return keys.addKey(appId, hash, prefix);
  }

  @Override
  public List<ApiKey> listKeys(AppId appId) {
    return keys.listKeys(appId);
  }
}
