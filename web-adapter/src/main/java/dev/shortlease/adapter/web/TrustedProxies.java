package dev.shortlease.adapter.web;

import com.google.common.net.InetAddresses;
import java.net.InetAddress;
import java.util.Collection;
import java.util.List;

/**
 * Web adapter: the reverse proxies whose {@code X-Forwarded-For} is believed, as addresses or CIDR
 * ranges ({@code 10.0.0.7}, {@code 10.0.0.0/8}, {@code fd00::/8}). Compared as addresses, not as
 * text, so {@code ::1} and {@code 0:0:0:0:0:0:0:1} are one; never resolved through DNS (Guava's
 * {@link InetAddresses} parses literals only), so a forged hop cannot make the service look it up.
 */
public final class TrustedProxies {
  private final List<Range> ranges;

  private TrustedProxies(List<Range> ranges) {
    this.ranges = ranges;
  }

  /**
   * Parses {@code entries}.
   *
   * @throws IllegalArgumentException naming the first entry that is neither an address nor a range
   */
  public static TrustedProxies parse(Collection<String> entries) {
    return new TrustedProxies(entries.stream().map(Range::parse).toList());
  }

  boolean isEmpty() {
    return ranges.isEmpty();
  }

  /** True when {@code address} (a literal; anything else is not a proxy) is in a range. */
  boolean contains(String address) {
    InetAddress parsed = literal(address);
    return parsed != null && ranges.stream().anyMatch(r -> r.contains(parsed.getAddress()));
  }

  private static InetAddress literal(String text) {
    String bare =
        text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
    return InetAddresses.isInetAddress(bare) ? InetAddresses.forString(bare) : null;
  }

  private record Range(byte[] network, int prefix) {
    static Range parse(String entry) {
      int slash = entry.indexOf('/');
      InetAddress address = literal(slash < 0 ? entry : entry.substring(0, slash));
      if (address == null) {
        throw new IllegalArgumentException(
            "'" + entry + "' is not an IP address or a CIDR range (10.0.0.0/8, fd00::/8)");
      }
      byte[] bytes = address.getAddress();
      int bits = bytes.length * 8;
      int prefix = bits;
      if (slash >= 0) {
        String length = entry.substring(slash + 1);
        prefix = length.matches("\\d{1,3}") ? Integer.parseInt(length) : -1;
        if (prefix < 0 || prefix > bits) {
          throw new IllegalArgumentException(
              "'" + entry + "' has a prefix length outside 0.." + bits);
        }
      }
      return new Range(bytes, prefix);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false; // an IPv4 peer is never in an IPv6 range, and the other way round
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (address[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return rest == 0 || (address[full] & mask) == (network[full] & mask);
    }
  }
}
