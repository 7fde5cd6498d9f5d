package dev.shortlease.adapter.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import dev.shortlease.domain.ApiKey;
import dev.shortlease.domain.ApiKeyHash;
import dev.shortlease.domain.ApiKeyId;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.AppPatch;
import dev.shortlease.domain.AppUpdate;
import dev.shortlease.domain.AppWithKey;
import dev.shortlease.domain.AppWithMedia;
import dev.shortlease.domain.DomainException;
import dev.shortlease.domain.NewApiKey;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.port.ApiKeysPort;
import dev.shortlease.domain.port.AppSetupPort;
import dev.shortlease.domain.port.AppsPort;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Persistence adapter: the app catalog with a short-lived cache for T1, the key and app lookups of
 * every request. Found values are cached for the TTL; a key that is not found is remembered as
 * unknown for the (shorter, separately set) miss TTL, so a flood of requests with one made-up key
 * costs one read per miss TTL, and concurrent lookups of one key share a single read. A change made
 * through this instance drops what it touched at once (a key issued here works at once); other
 * instances see it within the TTL, or the miss TTL for a key they had just found unknown.
 *
 * <p>A key or app in use is read again ahead of its expiry: the first lookup past half the TTL
 * reads it, while every other lookup is still served the cached value (ADR 0046). Expiring
 * outright, a hot key made every request of the next read's duration wait for that read, and a hot
 * app let each of them read it.
 */
final class CachingAppCatalog implements AppsPort, ApiKeysPort, AppSetupPort {
  private static final Logger LOG = LoggerFactory.getLogger(CachingAppCatalog.class);

  static final long MAXIMUM_ENTRIES = 10_000;

  private final AppsPort apps;
  private final ApiKeysPort keys;
  private final AppSetupPort setup;
  private final Cache<ApiKeyHash, Stamped<AppId>> appIdsByKey;
  private final Cache<ApiKeyHash, Boolean> unknownKeys;
  private final Cache<AppId, Stamped<App>> appsById;
  private final Ticker ticker;
  private final long refreshAfterNanos;
  // The keys and apps one lookup is reading again now; the others are served what is cached.
  private final Set<Object> refreshing = ConcurrentHashMap.newKeySet();
  // The key reads under way: later lookups of the same key wait for that read instead of repeating
  // it (a thousand concurrent requests with one made-up key cost one read).
  private final Map<ApiKeyHash, CompletableFuture<Optional<AppId>>> keyReads =
      new ConcurrentHashMap<>();
  // Bumped by every change made here: a lookup that overlapped one drops what it just cached.
  private final AtomicLong changes = new AtomicLong();

  /** Found values and misses both kept for {@code ttl}. */
  <T extends AppsPort & ApiKeysPort & AppSetupPort> CachingAppCatalog(
      T catalog, Duration ttl, Ticker ticker) {
    this(catalog, ttl, ttl, ticker);
  }

  /**
   * Found values kept for {@code ttl}, unknown keys for {@code missTtl}; either may be zero (not
   * kept), not both (then use the catalog itself).
   */
  <T extends AppsPort & ApiKeysPort & AppSetupPort> CachingAppCatalog(
      T catalog, Duration ttl, Duration missTtl, Ticker ticker) {
    if (ttl.isNegative() || missTtl.isNegative() || (ttl.isZero() && missTtl.isZero())) {
      throw new IllegalArgumentException(
          "ttl and missTtl must not be negative, nor both zero; without a cache use the catalog");
    }
    this.apps = Objects.requireNonNull(catalog, "catalog");
    this.keys = catalog;
    this.setup = catalog;
    this.appIdsByKey = newCache(ttl, ticker);
    this.unknownKeys = newCache(missTtl, ticker);
    this.appsById = newCache(ttl, ticker);
    this.ticker = ticker;
    this.refreshAfterNanos = ttl.toNanos() / 2;
  }

  /** A found value and when it was read, on the caches' ticker. */
  private record Stamped<V>(V value, long readAtNanos) {}

  private static <K, V> Cache<K, V> newCache(Duration ttl, Ticker ticker) {
    return Caffeine.newBuilder()
        .maximumSize(ttl.isZero() ? 0 : MAXIMUM_ENTRIES)
        .expireAfterWrite(ttl)
        .ticker(Objects.requireNonNull(ticker, "ticker"))
        .recordStats()
        .build();
  }

  /**
   * Publishes hits, misses, evictions and size of the caches as {@code cache_*} meters, tagged
   * {@code cache="app_keys"}, {@code cache="unknown_keys"} and {@code cache="apps"}.
   */
  void bindMetrics(MeterRegistry registry) {
    CaffeineCacheMetrics.monitor(registry, appIdsByKey, "app_keys");
    CaffeineCacheMetrics.monitor(registry, unknownKeys, "unknown_keys");
    CaffeineCacheMetrics.monitor(registry, appsById, "apps");
  }

  @Override
  public Optional<App> findApp(AppId id) {
    Stamped<App> hit = appsById.getIfPresent(id);
    if (hit == null) {
      return readApp(id); // concurrent misses may each read (ADR 0032)
    }
    return claimRefresh(id, hit) ? refreshed(id, hit, this::readApp) : Optional.of(hit.value());
  }

  /**
   * A cached key, a key remembered as unknown, or one read shared by every concurrent lookup of the
   * key. Waiting for another caller's read parks a virtual thread on a future (no monitor is held,
   * nothing pins a carrier), and no caller holds a connection while it looks a key up.
   */
  @Override
  public Optional<AppId> findAppIdByKey(ApiKeyHash hash) {
    Stamped<AppId> hit = appIdsByKey.getIfPresent(hash);
    if (hit != null) {
      return claimRefresh(hash, hit)
          ? refreshed(hash, hit, this::readKey)
          : Optional.of(hit.value());
    }
    if (unknownKeys.getIfPresent(hash) != null) {
      return Optional.empty();
    }
    CompletableFuture<Optional<AppId>> mine = new CompletableFuture<>();
    CompletableFuture<Optional<AppId>> running = keyReads.putIfAbsent(hash, mine);
    if (running != null) {
      return awaitRead(running);
    }
    try {
      // A read that ended between the checks above and putIfAbsent has stored its answer already
      // (looked up through asMap(), which counts no second miss).
      Stamped<AppId> stored = appIdsByKey.asMap().get(hash);
      Optional<AppId> found =
          stored != null
              ? Optional.of(stored.value())
              : unknownKeys.asMap().containsKey(hash) ? Optional.empty() : readKey(hash);
      mine.complete(found);
      return found;
    } catch (RuntimeException e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      keyReads.remove(hash, mine);
    }
  }

  private static Optional<AppId> awaitRead(CompletableFuture<Optional<AppId>> read) {
    try {
      return read.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      throw e;
    }
  }

  /**
   * Reads a key and stores what it found. No lock is held while the database is read: with
   * Caffeine's per-key load, callers of a hot key would wait on a monitor for the pool, pinning
   * their carrier threads on JDK 21, and a caller holding a connection could wait on one that needs
   * a connection. A change made meanwhile makes the reader drop what it stored, since it may have
   * read the state before the change.
   */
  private Optional<AppId> readKey(ApiKeyHash hash) {
    long seen = changes.get();
    Optional<AppId> found = keys.findAppIdByKey(hash);
    if (found.isPresent()) {
      appIdsByKey.put(hash, stamped(found.get()));
    } else {
      appIdsByKey.invalidate(hash);
      unknownKeys.put(hash, Boolean.TRUE);
    }
    if (changes.get() != seen) {
      appIdsByKey.invalidate(hash);
      unknownKeys.invalidate(hash);
    }
    return found;
  }

  /** Reads an app and stores it when found, as {@link #readKey} does. */
  private Optional<App> readApp(AppId id) {
    long seen = changes.get();
    Optional<App> found = apps.findApp(id);
    if (found.isPresent()) {
      appsById.put(id, stamped(found.get()));
    } else {
      appsById.invalidate(id);
    }
    if (changes.get() != seen) {
      appsById.invalidate(id);
    }
    return found;
  }

  private <V> Stamped<V> stamped(V value) {
    return new Stamped<>(value, ticker.read());
  }

  /** True for the one lookup that reads a hit past half its TTL again. */
  private boolean claimRefresh(Object key, Stamped<?> hit) {
    return ticker.read() - hit.readAtNanos() >= refreshAfterNanos && refreshing.add(key);
  }

  /**
   * The value read again; should the read fail, the hit, which is still within its TTL: the
   * database being away for a moment is no reason to refuse a request the cache can answer.
   */
  private <K, V> Optional<V> refreshed(K key, Stamped<V> hit, Function<K, Optional<V>> read) {
    try {
      return read.apply(key);
    } catch (RuntimeException e) {
      // The cached entry stays good until it expires. Hibernate logs no SQL error, so an
      // unexpected one is said here; an outage is said by every chat's own refusal.
      if (e instanceof DomainException) {
        LOG.debug("read ahead failed, the cached entry is served: {}", e.getMessage());
      } else {
        LOG.warn("read ahead failed, the cached entry is served until it expires", e);
      }
      return Optional.of(hit.value());
    } finally {
      refreshing.remove(key);
    }
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

  /** As {@link #updateApp(AppId, AppUpdate)}: the switches are not cached here. */
  @Override
  public Optional<AppWithMedia> updateApp(AppId id, AppPatch patch) {
    try {
      return setup.updateApp(id, patch);
    } finally {
      changes.incrementAndGet();
      appsById.invalidate(id);
    }
  }

  /** As {@link #addKey}: the first key may have been tried before it existed. */
  @Override
  public AppWithKey createApp(NewApp app, NewApiKey firstKey, AppMedia media) {
    try {
      return setup.createApp(app, firstKey, media);
    } finally {
      changes.incrementAndGet();
      unknownKeys.invalidate(firstKey.hash());
    }
  }

  /** The hash of {@code keyId} is not known here, so every cached key of the app is dropped. */
  @Override
  public boolean revokeKey(AppId appId, ApiKeyId keyId) {
    try {
      return keys.revokeKey(appId, keyId);
    } finally {
      changes.incrementAndGet();
      appIdsByKey.asMap().values().removeIf(cached -> cached.value().equals(appId));
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

  /** Forgets the key as unknown, should it have been tried before it existed. */
  @Override
  public ApiKeyId addKey(AppId appId, ApiKeyHash hash, String prefix) {
    try {
      return keys.addKey(appId, hash, prefix);
    } finally {
      changes.incrementAndGet();
      unknownKeys.invalidate(hash);
    }
  }

  @Override
  public List<ApiKey> listKeys(AppId appId) {
    return keys.listKeys(appId);
  }
}
