package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.testing.H2TestDatabase;
import dev.shortlease.domain.ApiKeyHash;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.NewApp;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code PersistenceContext} puts the app cache behind both catalog ports unless both its TTLs
 * (found values, unknown keys) are 0.
 */
class AppCacheWiringTest {

  @ParameterizedTest(name = "TTL {0} ms: {1} connection(s) borrowed by a repeated T1")
  @CsvSource({"2000, 0", "0, 2"})
  @DisplayName("a repeated T1 borrows no connection with the cache, one per lookup without it")
  void repeatedLookupBorrowsOnlyWithoutCache(long ttlMillis, int borrowsExpected) {
    AtomicInteger borrowed = new AtomicInteger();
    try (PersistenceContext context =
        PersistenceContext.start(
            H2TestDatabase.newDatabase()
                .withAppCacheTtlMillis(ttlMillis)
                .withUnknownKeyCacheMillis(ttlMillis),
            new SimpleMeterRegistry(),
            BorrowCounting.counting(borrowed))) {
      AppId app =
          context.apps().createApp(new NewApp("wired", null, AppMode.CHAT, null, null, null, null));
      ApiKeyHash hash = ApiKeyHash.of(ApiKeyHash.newPlainKey());
      context.apiKeys().addKey(app, hash, "app-w");
      context.apiKeys().findAppIdByKey(hash);
      context.apps().findApp(app);
      int before = borrowed.get();

      assertThat(context.apiKeys().findAppIdByKey(hash)).contains(app);
      assertThat(context.apps().findApp(app)).isPresent();

      assertThat(borrowed.get() - before).isEqualTo(borrowsExpected);
      assertThat(context.apps())
          .isSameAs(context.apiKeys())
          .isInstanceOf(ttlMillis > 0 ? CachingAppCatalog.class : AppCatalogAdapter.class);
    }
  }
}
