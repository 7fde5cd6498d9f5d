package dev.shortlease.adapter.llm;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * HttpClient's name resolution, checked: the client connects only to the addresses returned here,
 * so the check and the connection see the same addresses (no second lookup a rebinding DNS server
 * could answer differently). A host with any refused address is refused whole.
 *
 * <p>A lookup blocks in the JDK's resolver, which neither an interrupt nor cancelling the request
 * ends. Inside {@link #abandonedOn} (one download hop) it therefore runs on a virtual thread of its
 * own, and the hop stops waiting for it when the hop is cut (a stop, the deadline): the lookup ends
 * in the background, when the system resolver gives up, and its answer is dropped unchecked and
 * unused. Whatever is used has passed the check; the client still sends the host's name for TLS
 * (SNI, certificate) and in {@code Host}, only the addresses come from here.
 *
 * <p>Such lookups, abandoned ones included, are capped at {@value #MAX_LOOKUPS_IN_FLIGHT} at once
 * per resolver (one per fetcher, so per process): a lookup blocks its virtual thread's carrier,
 * which the JDK's scheduler makes up for with another platform thread (up to its maximum, 256 by
 * default), so a name server that never answers must not gather them without bound. A hop that
 * finds the cap reached starts no lookup: it waits for one to end, and is cut as a slow lookup is
 * (ADR 0068, follow-up). Both counts are read as {@link NameLookups}, for the composition root's
 * meters: abandoned ones climbing is a name server that does not answer.
 */
final class CheckedDnsResolver implements DnsResolver, NameLookups {
  /** Lookups on threads of their own at once, per resolver, abandoned ones included. */
  static final int MAX_LOOKUPS_IN_FLIGHT = 32;

  private static final Logger LOG = LoggerFactory.getLogger(CheckedDnsResolver.class);

  /** The system's lookup, or a test's. */
  @FunctionalInterface
  interface Lookup {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** The current hop's cut on this thread: HttpClient's classic API resolves on the caller's. */
  private static final ThreadLocal<CompletableFuture<?>> CUT = new ThreadLocal<>();

  private final Predicate<InetAddress> allowed;
  private final Lookup lookup;
  private final Permits permits;
  private final AtomicLong abandoned = new AtomicLong();

  /** Set when a hop found the cap reached, cleared when one found room: one WARN per episode. */
  private final AtomicBoolean atCap = new AtomicBoolean();

  CheckedDnsResolver(Predicate<InetAddress> allowed) {
    this(allowed, SystemDefaultDnsResolver.INSTANCE::resolve);
  }

  CheckedDnsResolver(Predicate<InetAddress> allowed, Lookup lookup) {
    this(allowed, lookup, MAX_LOOKUPS_IN_FLIGHT);
  }

  /** With at most {@code maxInFlight} lookups on threads of their own at once (tests). */
  CheckedDnsResolver(Predicate<InetAddress> allowed, Lookup lookup, int maxInFlight) {
    if (maxInFlight < 1) {
      throw new IllegalArgumentException("maxInFlight must be at least 1");
    }
    this.allowed = allowed;
    this.lookup = lookup;
    this.permits = new Permits(maxInFlight);
  }

  /** Lookups running on threads of their own, abandoned ones included (tests, diagnostics). */
  int lookupsInFlight() {
    return permits.taken();
  }

  /** Lookups a hop stopped waiting for, since this resolver was made (tests, diagnostics). */
  long lookupsAbandoned() {
    return abandoned.get();
  }

  @Override
  public long abandoned() {
    return lookupsAbandoned();
  }

  @Override
  public int inFlight() {
    return lookupsInFlight();
  }

  /** Scope of one hop: lookups made on this thread until it is closed end with {@code cut}. */
  static Scope abandonedOn(CompletableFuture<?> cut) {
    CompletableFuture<?> before = CUT.get();
    CUT.set(cut);
    return () -> {
      if (before == null) {
        CUT.remove();
      } else {
        CUT.set(before);
      }
    };
  }

  /** Closes a hop's scope; closing throws nothing. */
  interface Scope extends AutoCloseable {
    @Override
    void close();
  }

  /** A lookup the hop stopped waiting for (it was stopped, or its deadline passed). */
  static final class LookupAbandonedException extends UnknownHostException {
    LookupAbandonedException(String host) {
      super("the lookup of " + host + " was abandoned");
    }
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    String name =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    InetAddress[] addresses = lookUp(name);
    if (addresses.length == 0 || !Arrays.stream(addresses).allMatch(allowed)) {
      throw new AddressPolicy.RefusedAddressException(host);
    }
    return addresses;
  }

  private InetAddress[] lookUp(String name) throws UnknownHostException {
    CompletableFuture<?> cut = CUT.get();
    if (cut == null) {
      return lookup.resolve(name);
    }
    if (cut.isDone()) {
      throw new LookupAbandonedException(name);
    }
    awaitPermit(name, cut);
    CompletableFuture<InetAddress[]> answer = new CompletableFuture<>();
    // Whoever sets it first decides: the hop (it gives up waiting) or the lookup (it answered).
    AtomicBoolean settled = new AtomicBoolean();
    long start = System.nanoTime();
    try {
      Thread.ofVirtual()
          .name("image-dns-lookup")
          .start(
              () -> {
                try {
                  answer.complete(lookup.resolve(name));
                } catch (Throwable t) {
                  answer.completeExceptionally(t);
                } finally {
                  permits.release();
                  if (!settled.compareAndSet(false, true)) {
                    LOG.debug(
                        "abandoned name lookup ended: host={} after={} ms in-flight={}",
                        name,
                        (System.nanoTime() - start) / 1_000_000,
                        permits.taken());
                  }
                }
              });
    } catch (Throwable notStarted) {
      permits.release();
      throw notStarted;
    }
    try {
      CompletableFuture.anyOf(answer, cut).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abandon(name, answer, settled);
    } catch (ExecutionException e) {
      // the lookup failed (or the cut did): told below
    }
    if (!answer.isDone()) {
      abandon(name, answer, settled);
    }
    try {
      return answer.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LookupAbandonedException(name);
    } catch (ExecutionException e) {
      switch (e.getCause()) {
        case UnknownHostException unknown -> throw unknown;
        case RuntimeException runtime -> throw runtime;
        case Error error -> throw error;
        default -> throw new IllegalStateException(e.getCause());
      }
    }
  }

  /** Waits for room among the lookups in flight, or until the hop is cut (as a slow lookup). */
  private void awaitPermit(String name, CompletableFuture<?> cut) throws UnknownHostException {
    CompletableFuture<Void> permit = permits.acquire();
    if (permit.isDone()) {
      if (atCap.get()) {
        atCap.set(false);
      }
      return;
    }
    if (atCap.compareAndSet(false, true)) {
      LOG.warn(
          "name lookups for image downloads at their cap: in-flight={} abandoned-so-far={};"
              + " downloads wait for one to end, within their deadline",
          permits.taken(),
          abandoned.get());
    }
    try {
      CompletableFuture.anyOf(permit, cut).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      // the cut failed: it still ends the wait
    }
    if (permits.giveUp(permit)) {
      throw new LookupAbandonedException(name);
    }
    if (cut.isDone()) { // handed a permit as the hop was cut: pass it on
      permits.release();
      throw new LookupAbandonedException(name);
    }
  }

  /** Leaves the lookup behind unless it has just answered (then the answer is used). */
  private void abandon(String name, CompletableFuture<?> answer, AtomicBoolean settled)
      throws LookupAbandonedException {
    if (settled.compareAndSet(false, true)) {
      long count = abandoned.incrementAndGet();
      LOG.debug(
          "name lookup abandoned: host={} in-flight={} abandoned-so-far={}",
          name,
          permits.taken(),
          count);
      throw new LookupAbandonedException(name);
    }
    // Settled by the lookup, which completed the answer before: the caller reads it.
  }

  /**
   * Counted permits, handed to waiting hops in turn as lookups end; a waiter that gives up leaves
   * the queue. Unlike a {@link java.util.concurrent.Semaphore}, a wait ends at once on the hop's
   * cut.
   */
  private static final class Permits {
    private final int max;
    private int free; // guarded by this
    private final ArrayDeque<CompletableFuture<Void>> waiting = new ArrayDeque<>(); // by this

    Permits(int max) {
      this.max = max;
      this.free = max;
    }

    /** Done now if a permit is free, else when one is handed over. */
    synchronized CompletableFuture<Void> acquire() {
      if (free > 0) {
        free--;
        return CompletableFuture.completedFuture(null);
      }
      CompletableFuture<Void> permit = new CompletableFuture<>();
      waiting.add(permit);
      return permit;
    }

    /** True if {@code permit} was not handed over and now never will be. */
    synchronized boolean giveUp(CompletableFuture<Void> permit) {
      if (permit.cancel(false)) {
        waiting.remove(permit);
        return true;
      }
      return false;
    }

    synchronized void release() {
      for (CompletableFuture<Void> next = waiting.poll(); next != null; next = waiting.poll()) {
        if (next.complete(null)) {
          return; // handed over
        }
      }
      free++;
    }

    synchronized int taken() {
      return max - free;
    }
  }

  @Override
  public List<InetSocketAddress> resolve(String host, int port) throws UnknownHostException {
    return Arrays.stream(resolve(host))
        .map(address -> new InetSocketAddress(address, port))
        .toList();
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
  }
}
