package dev.shortlease.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class FailedAuthThrottleTest {
  private final AtomicLong nanos = new AtomicLong();
  private final FailedAuthThrottle throttle =
      new FailedAuthThrottle(3, Duration.ofSeconds(60), nanos::get);

  @Test
  @DisplayName("past the limit an address waits until its window ends; others are untouched")
  void refusesUntilTheWindowEnds() {
    for (int i = 0; i < 3; i++) {
      assertThat(throttle.refusedForSeconds("10.0.0.1")).isZero();
      throttle.recordFailure("10.0.0.1");
    }
    nanos.addAndGet(Duration.ofSeconds(20).toNanos());

    assertThat(throttle.refusedForSeconds("10.0.0.1")).isEqualTo(40);
    assertThat(throttle.refusedForSeconds("10.0.0.2")).isZero();

    nanos.addAndGet(Duration.ofSeconds(40).toNanos());
    assertThat(throttle.refusedForSeconds("10.0.0.1")).isZero();
    throttle.recordFailure("10.0.0.1");
    assertThat(throttle.refusedForSeconds("10.0.0.1")).as("a new window").isZero();
  }

  @Test
  @DisplayName("a limit of 0 throttles nothing")
  void zeroIsOff() {
    FailedAuthThrottle off = new FailedAuthThrottle(0, Duration.ofSeconds(60), nanos::get);
    for (int i = 0; i < 100; i++) {
      off.recordFailure("10.0.0.1");
    }
    assertThat(off.refusedForSeconds("10.0.0.1")).isZero();
  }

  @Test
  @DisplayName("the table stays bounded under failures from ever-new addresses")
  void staysBounded() {
    for (int i = 0; i < FailedAuthThrottle.MAX_ADDRESSES + 1_000; i++) {
      throttle.recordFailure("addr-" + i);
    }
    assertThat(throttle.trackedAddresses()).isLessThanOrEqualTo(FailedAuthThrottle.MAX_ADDRESSES);
  }

  @Test
  @DisplayName("a forwarded address as long as a header line is kept by its first characters")
  void longAddressesStayShort() {
    String header = "x".repeat(8_000);
    for (int i = 0; i < 1_000; i++) {
      throttle.recordFailure(i + header);
    }
    assertThat(throttle.keptChars())
        .isLessThanOrEqualTo(1_000L * FailedAuthThrottle.MAX_ADDRESS_CHARS);
    assertThat(throttle.refusedForSeconds("0" + header)).as("still counted").isZero();
    throttle.recordFailure("0" + header);
    throttle.recordFailure("0" + header);
    assertThat(throttle.refusedForSeconds("0" + header)).isEqualTo(60);
  }

  @Test
  @DisplayName("ended windows leave within a window, not only once the table is full")
  void endedWindowsLeave() {
    for (int i = 0; i < 10_000; i++) {
      throttle.recordFailure("10.1." + i / 250 + "." + i % 250);
    }
    nanos.addAndGet(Duration.ofSeconds(61).toNanos());
    throttle.recordFailure("10.2.0.1");

    assertThat(throttle.trackedAddresses()).isEqualTo(1);
  }
}
