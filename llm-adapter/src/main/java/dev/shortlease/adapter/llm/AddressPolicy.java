package dev.shortlease.adapter.llm;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which addresses a client's image URL may reach: public unicast only. Refuses this host (loopback,
 * any-local), the local networks (private, CGNAT, link-local with a cloud's metadata endpoint
 * 169.254.169.254, unique-local IPv6), multicast and reserved ranges, and IPv6 forms that carry an
 * IPv4 address (mapped, compatible, NAT64, 6to4) by that address.
 */
final class AddressPolicy {
  private AddressPolicy() {}

  static boolean isPublic(InetAddress address) {
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return isPublicIpv4(b);
    }
    if (address instanceof Inet6Address) {
      return isPublicIpv6(b);
    }
    return false;
  }

  private static boolean isPublicIpv4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    int a2 = b[2] & 0xff;
    return !(a0 == 0 // this network, 0.0.0.0
        || a0 == 10 // private
        || a0 == 127 // loopback
        || (a0 == 100 && (a1 & 0xc0) == 64) // CGNAT 100.64/10
        || (a0 == 169 && a1 == 254) // link-local, cloud metadata
        || (a0 == 172 && (a1 & 0xf0) == 16) // private 172.16/12
        || (a0 == 192 && a1 == 168) // private
        || (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) // IETF protocol, TEST-NET-1
        || (a0 == 198 && (a1 & 0xfe) == 18) // benchmarking 198.18/15
        || (a0 == 198 && a1 == 51 && a2 == 100) // TEST-NET-2
        || (a0 == 203 && a1 == 0 && a2 == 113) // TEST-NET-3
        || a0 >= 224); // multicast, reserved, broadcast
  }

  private static boolean isPublicIpv6(byte[] b) {
    if (zeros(b, 0, 10)) {
      // ::, ::1, ::a.b.c.d (compatible) and ::ffff:a.b.c.d (mapped): judged by the IPv4 address
      boolean mapped = (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
      boolean compatible = b[10] == 0 && b[11] == 0;
      return (mapped || compatible) && isPublicIpv4(tail(b, 12));
    }
    int first = b[0] & 0xff;
    int second = b[1] & 0xff;
    if (first == 0x00 && second == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
      return zeros(b, 4, 12) && isPublicIpv4(tail(b, 12)); // NAT64 64:ff9b::/96
    }
    if (first == 0x20 && second == 0x02) {
      return isPublicIpv4(new byte[] {b[2], b[3], b[4], b[5]}); // 6to4 2002::/16
    }
    if (first == 0x20 && second == 0x01 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
      return false; // documentation 2001:db8::/32
    }
    return !((first & 0xfe) == 0xfc // unique local fc00::/7
        || (first == 0xfe && (second & 0xc0) == 0x80) // link-local fe80::/10
        || (first == 0xfe && (second & 0xc0) == 0xc0) // site-local fec0::/10 (deprecated)
        || first == 0xff); // multicast
  }

  private static boolean zeros(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] tail(byte[] b, int from) {
    return new byte[] {b[from], b[from + 1], b[from + 2], b[from + 3]};
  }

  /** Thrown by name resolution when a host has an address this policy refuses. */
  static final class RefusedAddressException extends UnknownHostException {
    RefusedAddressException(String host) {
      super(host + ": resolves to an address remote images may not reach");
    }
  }
}
