package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.tuple;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.shortlease.domain.ApiKey;
import dev.shortlease.domain.ApiKeyHash;
import dev.shortlease.domain.ApiKeyId;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.AppPatch;
import dev.shortlease.domain.AppStatus;
import dev.shortlease.domain.AppUpdate;
import dev.shortlease.domain.AppWithKey;
import dev.shortlease.domain.AppWithMedia;
import dev.shortlease.domain.NewApiKey;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.StorageUnavailableException;
import dev.shortlease.domain.port.ApiKeysPort;
import dev.shortlease.domain.port.AppSetupPort;
import dev.shortlease.domain.port.AppsPort;
import dev.shortlease.domain.port.inmemory.InMemoryStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class CachingAppCatalogTest {
  private static final Duration TTL = Duration.ofSeconds(2);
  private static final AppUpdate DISABLE =
      new AppUpdate(null, null, null, null, null, null, AppStatus.DISABLED, null);

  private final AtomicLong nanos = new AtomicLong();
  private final CountingCatalog store = new CountingCatalog();
  private final CachingAppCatalog cache = new CachingAppCatalog(store, TTL, nanos::get);
  // A thread per lookup: the common pool may have a single worker on a small machine.
  private final Executor threads = Thread.ofVirtual()::start;

  @Test
  @DisplayName("within half the TTL a key and its app are read from the database once")
  void repeatedLookupsWithinTtlAreServedFromMemory() {
    AppId app = newApp();
    ApiKeyHash hash = newKey(app);

    authenticate(hash);
    nanos.addAndGet(TTL.toNanos() / 2 - 1);
    authenticate(hash);

    assertThat(store.keyLookups).hasValue(1);
    assertThat(store.appLookups).hasValue(1);
  }

  @Test
  @DisplayName("hits and misses of both caches are published as cache_gets meters")
  void publishesHitsAndMisses() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    cache.bindMetrics(registry);
    ApiKeyHash hash = newKey(newApp());

    authenticate(hash);
    authenticate(hash);

    for (String name : List.of("app_keys", "apps")) {
      assertThat(gets(registry, name, "miss")).as(name + " misses").isEqualTo(1);
      assertThat(gets(registry, name, "hit")).as(name + " hits").isEqualTo(1);
    }
  }

  private static double gets(SimpleMeterRegistry registry, String cache, String result) {
    return registry
        .get("cache.gets")
        .tag("cache", cache)
        .tag("result", result)
        .functionCounter()
        .count();
  }

  @Test
  @DisplayName("a key and app in use are read again past half the TTL, and never expire")
  void entriesInUseAreReadAheadOfTheirExpiry() {
    ApiKeyHash hash = newKey(newApp());
    authenticate(hash);

    for (int step = 1; step <= 8; step++) {
      nanos.addAndGet(TTL.toNanos() / 4 + 1);
      authenticate(hash);
    }

    assertThat(store.keyLookups).as("the first read, then one every half TTL").hasValue(5);
    assertThat(store.appLookups).hasValue(5);
  }

  @Test
  @DisplayName("while one lookup reads a hot app again, the others are served from memory")
  void readAheadBlocksNobody() throws Exception {
    AppId app = newApp();
    ApiKeyHash hash = newKey(app);
    authenticate(hash);
    nanos.addAndGet(TTL.toNanos() / 2);
    Pause pause = store.pauseNextLookup();

    var reading = CompletableFuture.supplyAsync(() -> cache.findAppIdByKey(hash), threads);
    pause.awaitRead();
    for (int i = 0; i < 50; i++) {
      assertThat(cache.findAppIdByKey(hash)).contains(app);
    }
    assertThat(store.keyLookups).as("the first read and the one under way").hasValue(2);
    pause.release();

    assertThat(reading.get(5, TimeUnit.SECONDS)).contains(app);
    assertThat(cache.findAppIdByKey(hash)).contains(app);
    assertThat(store.keyLookups).as("read ahead: fresh for another half TTL").hasValue(2);
  }

  @Test
  @DisplayName("a read ahead that fails serves the cached app, and the next lookup tries again")
  void failedReadAheadServesTheCachedValue() {
    AppId app = newApp();
    assertThat(cache.findApp(app)).isPresent();
    nanos.addAndGet(TTL.toNanos() / 2);
    store.failing = true;

    assertThat(cache.findApp(app)).map(App::id).contains(app);
    assertThat(cache.findApp(app)).map(App::id).contains(app);
    assertThat(store.appLookups).as("the first read, then two failed reads ahead").hasValue(3);

    nanos.addAndGet(TTL.toNanos() / 2 + 1); // expired: nothing left to serve
    assertThatIllegalStateException().isThrownBy(() -> cache.findApp(app));
  }

  @Test
  @DisplayName(
      "a read ahead that fails unexpectedly is logged as a WARN with its cause; an outage only at"
          + " DEBUG")
  void failedReadAheadIsLogged() {
    AppId app = newApp();
    assertThat(cache.findApp(app)).isPresent();
    nanos.addAndGet(TTL.toNanos() / 2);
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(CachingAppCatalog.class);
    Level level = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    log.start();
    logger.addAppender(log);
    try {
      store.failing = true;
      assertThat(cache.findApp(app)).isPresent();
      store.failure = () -> new StorageUnavailableException("the database is away", null);
      assertThat(cache.findApp(app)).isPresent();
    } finally {
      logger.detachAppender(log);
      logger.setLevel(level);
    }

    assertThat(log.list)
        .extracting(ILoggingEvent::getLevel, e -> e.getThrowableProxy() != null)
        .containsExactly(tuple(Level.WARN, true), tuple(Level.DEBUG, false));
  }

  @Test
  @DisplayName("an app updated elsewhere and read ahead is served as it is now")
  void readAheadSeesChangesMadeElsewhere() {
    AppId app = newApp();
    assertThat(cache.findApp(app).orElseThrow().isServing()).isTrue();
    store.updateApp(app, DISABLE); // another instance
    nanos.addAndGet(TTL.toNanos() / 2);

    assertThat(cache.findApp(app).orElseThrow().isServing()).isFalse();
  }

  @Test
  @DisplayName("after the TTL the key and the app are read again")
  void lookupsAfterTtlReachTheDatabase() {
    ApiKeyHash hash = newKey(newApp());

    authenticate(hash);
    nanos.addAndGet(TTL.toNanos() + 1);
    authenticate(hash);

    assertThat(store.keyLookups).hasValue(2);
    assertThat(store.appLookups).hasValue(2);
  }

  @Test
  @DisplayName("a key issued here after a failed lookup of it works at once")
  void keyIssuedAfterAMissWorksAtOnce() {
    AppId app = newApp();
    ApiKeyHash hash = ApiKeyHash.of(ApiKeyHash.newPlainKey());
    AppId unknown = AppId.random();

    assertThat(cache.findAppIdByKey(hash)).isEmpty();
    assertThat(cache.findApp(unknown)).isEmpty();
    cache.addKey(app, hash, "app-new");

    assertThat(cache.findAppIdByKey(hash)).contains(app);
    assertThat(cache.findApp(unknown)).isEmpty();
    assertThat(store.keyLookups).hasValue(2);
    assertThat(store.appLookups).as("unknown apps are not remembered").hasValue(2);
  }

  @Test
  @DisplayName("an unknown key is read once per miss TTL, however often it is tried")
  void unknownKeyIsReadOncePerMissTtl() {
    CachingAppCatalog shortMisses =
        new CachingAppCatalog(store, TTL, Duration.ofMillis(500), nanos::get);
    ApiKeyHash unknown = ApiKeyHash.of(ApiKeyHash.newPlainKey());

    for (int i = 0; i < 1_000; i++) {
      assertThat(shortMisses.findAppIdByKey(unknown)).isEmpty();
    }
    assertThat(store.keyLookups).hasValue(1);

    nanos.addAndGet(Duration.ofMillis(501).toNanos());
    assertThat(shortMisses.findAppIdByKey(unknown)).isEmpty();
    assertThat(store.keyLookups).hasValue(2);
  }

  @Test
  @DisplayName("concurrent lookups of one key share a single read")
  void concurrentLookupsShareOneRead() throws Exception {
    ApiKeyHash unknown = ApiKeyHash.of(ApiKeyHash.newPlainKey());
    Pause pause = store.pauseNextLookup();
    var first = CompletableFuture.supplyAsync(() -> cache.findAppIdByKey(unknown), threads);
    pause.awaitRead();

    List<CompletableFuture<Optional<AppId>>> others = new java.util.ArrayList<>();
    for (int i = 0; i < 50; i++) {
      others.add(CompletableFuture.supplyAsync(() -> cache.findAppIdByKey(unknown), threads));
    }
    pause.release();

    assertThat(first.get(5, TimeUnit.SECONDS)).isEmpty();
    for (var other : others) {
      assertThat(other.get(5, TimeUnit.SECONDS)).isEmpty();
    }
    assertThat(store.keyLookups).hasValue(1);
  }

  @Test
  @DisplayName("an update through the cache is seen by the next lookup at once")
  void updateIsSeenAtOnce() {
    AppId app = newApp();
    assertThat(cache.findApp(app).orElseThrow().isServing()).isTrue();

    cache.updateApp(app, DISABLE);

    assertThat(cache.findApp(app).orElseThrow().status()).isEqualTo(AppStatus.DISABLED);
  }

  @Test
  @DisplayName("a revoked key is refused at once; only the keys of that app are read again")
  void revocationIsSeenAtOnce() {
    AppId app = newApp();
    AppId other = newApp();
    ApiKeyHash revokedHash = ApiKeyHash.of(ApiKeyHash.newPlainKey());
    ApiKeyId revoked = store.addKey(app, revokedHash, "app-r");
    ApiKeyHash sibling = newKey(app);
    ApiKeyHash unrelated = newKey(other);
    List.of(revokedHash, sibling, unrelated).forEach(cache::findAppIdByKey);

    assertThat(cache.revokeKey(app, revoked)).isTrue();

    assertThat(cache.findAppIdByKey(revokedHash)).isEmpty();
    assertThat(cache.findAppIdByKey(sibling)).contains(app);
    assertThat(cache.findAppIdByKey(unrelated)).contains(other);
    assertThat(store.keyLookups)
        .as("3 first reads, then the revoked key and its sibling")
        .hasValue(5);
  }

  @Test
  @DisplayName("a lookup that read a key before its revocation does not cache it past it")
  void revocationDuringLookupWins() throws Exception {
    AppId app = newApp();
    ApiKeyHash hash = ApiKeyHash.of(ApiKeyHash.newPlainKey());
    ApiKeyId key = store.addKey(app, hash, "app-k");
    Pause pause = store.pauseNextLookup();

    var lookup = CompletableFuture.supplyAsync(() -> cache.findAppIdByKey(hash), threads);
    pause.awaitRead();
    cache.revokeKey(app, key);
    pause.release();

    assertThat(lookup.get(5, TimeUnit.SECONDS)).as("in flight, read before").contains(app);
    assertThat(cache.findAppIdByKey(hash)).isEmpty();
  }

  @Test
  @DisplayName("a lookup that read an app before its update does not cache it past it")
  void updateDuringLookupWins() throws Exception {
    AppId app = newApp();
    Pause pause = store.pauseNextLookup();

    var lookup = CompletableFuture.supplyAsync(() -> cache.findApp(app), threads);
    pause.awaitRead();
    cache.updateApp(app, DISABLE);
    pause.release();

    assertThat(lookup.get(5, TimeUnit.SECONDS).orElseThrow().isServing()).isTrue();
    assertThat(cache.findApp(app).orElseThrow().isServing()).isFalse();
  }

  @Test
  @DisplayName("a lookup waiting on the database does not hold up other lookups of the same app")
  void slowLookupBlocksNobody() throws Exception {
    AppId app = newApp();
    Pause pause = store.pauseNextLookup();

    var slow = CompletableFuture.supplyAsync(() -> cache.findApp(app), threads);
    pause.awaitRead();
    var other = CompletableFuture.supplyAsync(() -> cache.findApp(app), threads);

    assertThat(other.get(5, TimeUnit.SECONDS)).map(App::id).contains(app);
    pause.release();
    assertThat(slow.get(5, TimeUnit.SECONDS)).map(App::id).contains(app);
  }

  @Test
  @DisplayName("both TTLs 0 is refused: the context installs no cache then")
  void zeroTtlIsRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new CachingAppCatalog(store, Duration.ZERO, nanos::get));
  }

  @Test
  @DisplayName("with found values not kept, unknown keys are still remembered")
  void missesOnly() {
    CachingAppCatalog missesOnly =
        new CachingAppCatalog(store, Duration.ZERO, Duration.ofSeconds(1), nanos::get);
    ApiKeyHash known = newKey(newApp());
    ApiKeyHash unknown = ApiKeyHash.of(ApiKeyHash.newPlainKey());

    missesOnly.findAppIdByKey(known);
    missesOnly.findAppIdByKey(known);
    missesOnly.findAppIdByKey(unknown);
    missesOnly.findAppIdByKey(unknown);

    assertThat(store.keyLookups).hasValue(3);
  }

  private void authenticate(ApiKeyHash hash) {
    AppId app = cache.findAppIdByKey(hash).orElseThrow();
    assertThat(cache.findApp(app)).map(App::id).contains(app);
  }

  private AppId newApp() {
    return store.createApp(new NewApp("cached", null, AppMode.CHAT, null, null, null, null));
  }

  private ApiKeyHash newKey(AppId app) {
    ApiKeyHash hash = ApiKeyHash.of(ApiKeyHash.newPlainKey());
    store.addKey(app, hash, "app-x");
    return hash;
  }

  /** Holds one lookup after it has read the store, until released. */
  private static final class Pause {
    private final CountDownLatch read = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);

    void awaitRead() throws InterruptedException {
      assertThat(read.await(5, TimeUnit.SECONDS)).as("lookup reached the store").isTrue();
    }

    void release() {
      release.countDown();
    }

    void hold() {
      read.countDown();
      try {
        release.await(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  /** The in-memory store, counting the two T1 lookups; one lookup can be paused after its read. */
  private static final class CountingCatalog implements AppsPort, ApiKeysPort, AppSetupPort {
    private final InMemoryStore store = new InMemoryStore();
    final AtomicInteger keyLookups = new AtomicInteger();
    final AtomicInteger appLookups = new AtomicInteger();
    private volatile Pause pause;
    volatile boolean failing;
    volatile Supplier<RuntimeException> failure =
        () -> new IllegalStateException("the database is away");

    Pause pauseNextLookup() {
      pause = new Pause();
      return pause;
    }

    private <T> T afterRead(T result) {
      if (failing) {
        throw failure.get();
      }
      Pause current = pause;
      if (current != null) {
        pause = null;
        current.hold();
      }
      return result;
    }

    @Override
    public Optional<App> findApp(AppId id) {
      appLookups.incrementAndGet();
      return afterRead(store.findApp(id));
    }

    @Override
    public Optional<AppId> findAppIdByKey(ApiKeyHash hash) {
      keyLookups.incrementAndGet();
      return afterRead(store.findAppIdByKey(hash));
    }

    @Override
    public AppId createApp(NewApp app) {
      return store.createApp(app);
    }

    @Override
    public List<App> listApps() {
      return store.listApps();
    }

    @Override
    public Optional<App> updateApp(AppId id, AppUpdate update) {
      return store.updateApp(id, update);
    }

    @Override
    public ApiKeyId addKey(AppId appId, ApiKeyHash hash, String prefix) {
      return store.addKey(appId, hash, prefix);
    }

    @Override
    public AppWithKey createApp(NewApp app, NewApiKey firstKey, AppMedia media) {
      return store.createApp(app, firstKey, media);
    }

    @Override
    public Optional<AppWithMedia> updateApp(AppId id, AppPatch patch) {
      return store.updateApp(id, patch);
    }

    @Override
    public List<ApiKey> listKeys(AppId appId) {
      return store.listKeys(appId);
    }

    @Override
    public boolean revokeKey(AppId appId, ApiKeyId keyId) {
      return store.revokeKey(appId, keyId);
    }
  }
}
