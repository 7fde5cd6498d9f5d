package dev.shortlease.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("Remote images: which addresses a client's URL may reach")
class AddressPolicyTest {

  @ParameterizedTest(name = "{0} is refused")
  @ValueSource(
      strings = {
        "0.0.0.0",
        "127.0.0.1",
        "127.8.9.10",
        "10.0.0.1",
        "172.16.0.1",
        "172.31.255.255",
        "192.168.1.1",
        "100.64.0.1",
        "100.127.255.254",
        "169.254.169.254",
        "192.0.0.1",
        "198.18.0.1",
        "224.0.0.1",
        "239.255.255.250",
        "240.0.0.1",
        "255.255.255.255",
        "::",
        "::1",
        "fe80::1",
        "febf::1",
        "fc00::1",
        "fd12:3456::1",
        "fec0::1",
        "ff02::1",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
        "::ffff:10.0.0.1",
        "::127.0.0.1",
        "::10.0.0.1",
        "64:ff9b::a9fe:a9fe",
        "2002:7f00:1::",
        "2002:a00:1::",
        "2001:db8::1"
      })
  void refused(String address) throws Exception {
    assertThat(AddressPolicy.isPublic(InetAddress.getByName(address))).isFalse();
  }

  @ParameterizedTest(name = "{0} is allowed")
  @ValueSource(
      strings = {
        "8.8.8.8",
        "1.1.1.1",
        "100.63.255.255",
        "100.128.0.1",
        "172.15.255.255",
        "172.32.0.1",
        "169.253.1.1",
        "93.184.216.34",
        "::ffff:8.8.8.8",
        "2606:4700:4700::1111",
        "2a00:1450:4001:80b::200e",
        "64:ff9b::808:808",
        "2002:808:808::"
      })
  void allowed(String address) throws Exception {
    assertThat(AddressPolicy.isPublic(InetAddress.getByName(address))).isTrue();
  }
}
