package dev.shortlease.adapter.llm;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * HttpClient's name resolution, checked: the client connects only to the addresses returned here,
 * so the check and the connection see the same addresses (no second lookup a rebinding DNS server
 * could answer differently). A host with any refused address is refused whole.
 */
final class CheckedDnsResolver implements DnsResolver {
  private final Predicate<InetAddress> allowed;

  CheckedDnsResolver(Predicate<InetAddress> allowed) {
    this.allowed = allowed;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    String name =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    InetAddress[] addresses = SystemDefaultDnsResolver.INSTANCE.resolve(name);
    if (addresses.length == 0 || !Arrays.stream(addresses).allMatch(allowed)) {
      throw new AddressPolicy.RefusedAddressException(host);
    }
    return addresses;
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
