package dev.shortlease.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Lookups a hop abandons (ADR 0068) are capped: each blocks a carrier thread until the system
 * resolver gives up, so hops beyond the cap start no lookup and wait for one to end, within their
 * own cut. The lookup here blocks as a DNS lookup does, deaf to interrupts, until released.
 */
@DisplayName("Name lookups of image downloads: abandoned ones are capped")
class CheckedDnsResolverTest {
  private static final InetAddress[] LOOPBACK = {InetAddress.getLoopbackAddress()};

  private final CountDownLatch released = new CountDownLatch(1);
  private final AtomicInteger started = new AtomicInteger();

  @AfterEach
  void release() {
    released.countDown();
  }

  /** A resolver whose lookup of {@code slow.test} blocks until {@link #released}. */
  private CheckedDnsResolver resolver(int maxInFlight) {
    return new CheckedDnsResolver(
        address -> true,
        host -> {
          started.incrementAndGet();
          if (host.equals("slow.test")) {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (released.getCount() > 0 && System.nanoTime() - end < 0) {
              try {
                released.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                // As a DNS lookup blocks: deaf to interrupts.
              }
            }
          }
          return LOOPBACK;
        },
        maxInFlight);
  }

  /** One hop's lookup, cut after {@code cutAfter}, as the fetcher's deadline or a stop cuts it. */
  private static InetAddress[] hop(CheckedDnsResolver resolver, String host, Duration cutAfter)
      throws Exception {
    CompletableFuture<Void> cut = new CompletableFuture<>();
    AdapterTimer.after(cutAfter.toNanos(), () -> cut.complete(null));
    try (CheckedDnsResolver.Scope scope = CheckedDnsResolver.abandonedOn(cut)) {
      return resolver.resolve(host);
    }
  }

  @Test
  @DisplayName("hops beyond the cap start no lookup, end at their cut, and fail as a slow lookup")
  void abandonedLookupsBeyondTheCapStartNoLookup() throws Exception {
    CheckedDnsResolver resolver = resolver(2);

    for (int i = 0; i < 6; i++) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> hop(resolver, "slow.test", Duration.ofMillis(100)))
          .isInstanceOf(CheckedDnsResolver.LookupAbandonedException.class)
          .hasMessageContaining("slow.test");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    assertThat(started).as("lookups started").hasValue(2);
    assertThat(resolver.lookupsInFlight()).isEqualTo(2);
    assertThat(resolver.lookupsAbandoned()).isEqualTo(2);
    assertThatThrownBy(() -> hop(resolver, "fast.test", Duration.ofMillis(100)))
        .as("a host that answers at once waits for room as well")
        .isInstanceOf(CheckedDnsResolver.LookupAbandonedException.class);
    assertThat(started).hasValue(2);
  }

  @Test
  @DisplayName("an abandoned lookup that ends returns its permit: the next hop looks up at once")
  void endedLookupReturnsItsPermit() throws Exception {
    CheckedDnsResolver resolver = resolver(1);
    assertThatThrownBy(() -> hop(resolver, "slow.test", Duration.ofMillis(100)))
        .isInstanceOf(CheckedDnsResolver.LookupAbandonedException.class);
    assertThat(resolver.lookupsInFlight()).isEqualTo(1);

    released.countDown();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (resolver.lookupsInFlight() > 0 && System.nanoTime() - end < 0) {
      Thread.sleep(10);
    }

    assertThat(resolver.lookupsInFlight()).isZero();
    assertThat(hop(resolver, "fast.test", Duration.ofSeconds(5))).isEqualTo(LOOPBACK);
    assertThat(started).hasValue(2);
    // The lookup's thread returns its permit just after handing over the answer.
    end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (resolver.lookupsInFlight() > 0 && System.nanoTime() - end < 0) {
      Thread.sleep(10);
    }
    assertThat(resolver.lookupsInFlight()).isZero();
  }

  @Test
  @DisplayName("a hop waiting at the cap looks up as soon as an abandoned lookup ends")
  void waitingHopGetsTheNextPermit() throws Exception {
    CheckedDnsResolver resolver = resolver(1);
    assertThatThrownBy(() -> hop(resolver, "slow.test", Duration.ofMillis(100)))
        .isInstanceOf(CheckedDnsResolver.LookupAbandonedException.class);
    AdapterTimer.after(Duration.ofMillis(200).toNanos(), released::countDown);

    long start = System.nanoTime();
    assertThat(hop(resolver, "fast.test", Duration.ofSeconds(10))).isEqualTo(LOOPBACK);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    assertThat(started).hasValue(2);
  }

  @Test
  @DisplayName("the fetcher's counts (the meters' source) move when a lookup is abandoned")
  void abandonedLookupsInTheFetchersCounts() throws Exception {
    CheckedDnsResolver resolver = resolver(2);
    NameLookups counts =
        new HttpImageFetcher(RemoteImageSettings.defaults(), resolver).nameLookups();
    assertThat(counts.abandoned()).isZero();

    assertThatThrownBy(() -> hop(resolver, "slow.test", Duration.ofMillis(100)))
        .isInstanceOf(CheckedDnsResolver.LookupAbandonedException.class);

    assertThat(counts.abandoned()).isEqualTo(1);
    assertThat(counts.inFlight()).isEqualTo(1);
    released.countDown();
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (counts.inFlight() > 0 && System.nanoTime() - end < 0) {
      Thread.sleep(10);
    }
    assertThat(counts.inFlight()).isZero();
    assertThat(hop(resolver, "fast.test", Duration.ofSeconds(5))).isEqualTo(LOOPBACK);
    assertThat(counts.abandoned()).as("a lookup that answered is not counted").isEqualTo(1);
  }

  @Test
  @DisplayName("a lookup outside a hop runs on the caller's thread, uncapped")
  void lookupOutsideAHop() throws Exception {
    CheckedDnsResolver resolver = resolver(1);

    assertThat(resolver.resolve("fast.test")).isEqualTo(LOOPBACK);
    assertThat(resolver.lookupsInFlight()).isZero();
  }
}
