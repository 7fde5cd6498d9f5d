package dev.shortlease.adapter.llm;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Predicate;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

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
 */
final class CheckedDnsResolver implements DnsResolver {
  /** The system's lookup, or a test's. */
  @FunctionalInterface
  interface Lookup {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** The current hop's cut on this thread: HttpClient's classic API resolves on the caller's. */
  private static final ThreadLocal<CompletableFuture<?>> CUT = new ThreadLocal<>();

  private final Predicate<InetAddress> allowed;
  private final Lookup lookup;

  CheckedDnsResolver(Predicate<InetAddress> allowed) {
    this(allowed, SystemDefaultDnsResolver.INSTANCE::resolve);
  }

  CheckedDnsResolver(Predicate<InetAddress> allowed, Lookup lookup) {
    this.allowed = allowed;
    this.lookup = lookup;
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
    CompletableFuture<InetAddress[]> answer = new CompletableFuture<>();
    Thread.ofVirtual()
        .name("image-dns-lookup")
        .start(
            () -> {
              try {
                answer.complete(lookup.resolve(name));
              } catch (Throwable t) {
                answer.completeExceptionally(t);
              }
            });
    try {
      CompletableFuture.anyOf(answer, cut).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LookupAbandonedException(name);
    } catch (ExecutionException e) {
      // the lookup failed (or the cut did): told below
    }
    if (!answer.isDone()) {
      throw new LookupAbandonedException(name);
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
