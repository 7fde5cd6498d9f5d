package dev.shortlease.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TrustedProxiesTest {

  @Test
  @DisplayName("a CIDR range holds the addresses inside it, and only those")
  void ranges() {
    TrustedProxies proxies =
        TrustedProxies.parse(List.of("10.0.0.0/8", "192.168.1.0/25", "fd00::/8"));

    assertThat(proxies.contains("10.200.3.4")).isTrue();
    assertThat(proxies.contains("11.0.0.1")).isFalse();
    assertThat(proxies.contains("192.168.1.127")).isTrue();
    assertThat(proxies.contains("192.168.1.128")).as("outside the /25").isFalse();
    assertThat(proxies.contains("fd12:3456::1")).isTrue();
    assertThat(proxies.contains("fe80::1")).isFalse();
  }

  @Test
  @DisplayName("addresses are compared as addresses: ::1 is 0:0:0:0:0:0:0:1, brackets or not")
  void sameAddressWrittenTwoWays() {
    TrustedProxies proxies = TrustedProxies.parse(List.of("::1", "127.0.0.1"));

    assertThat(proxies.contains("0:0:0:0:0:0:0:1")).isTrue();
    assertThat(proxies.contains("[::1]")).isTrue();
    assertThat(proxies.contains("127.0.0.1")).isTrue();
    assertThat(proxies.contains("127.0.0.2")).isFalse();
  }

  @Test
  @DisplayName(
      "a hop that is not an address (a name, garbage) is never a proxy and never looked up")
  void namesAreNotProxies() {
    TrustedProxies proxies = TrustedProxies.parse(List.of("0.0.0.0/0"));

    assertThat(proxies.contains("localhost")).isFalse();
    assertThat(proxies.contains("unknown")).isFalse();
    assertThat(proxies.contains("1.2.3.4")).as("everything IPv4 is in /0").isTrue();
  }

  @ParameterizedTest(name = "{0} is refused")
  @ValueSource(
      strings = {
        "proxy.internal",
        "10.0.0.0/33",
        "10.0.0.0/",
        "10.0.0.0/x",
        "999.1.1.1",
        "::1/129"
      })
  void badEntries(String entry) {
    assertThatThrownBy(() -> TrustedProxies.parse(List.of(entry)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + entry + "'");
  }
}
