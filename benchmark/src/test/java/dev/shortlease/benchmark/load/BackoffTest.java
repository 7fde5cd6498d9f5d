package dev.shortlease.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  @DisplayName("the pause doubles with every failure in a row, up to five seconds")
  void doublesUpToTheCap() {
    Backoff backoff = new Backoff(() -> 0.999_999); // the top of each range
    assertThat(backoff.failed()).isCloseTo(Duration.ofMillis(100), Duration.ofMillis(1));
    assertThat(backoff.failed()).isCloseTo(Duration.ofMillis(200), Duration.ofMillis(1));
    assertThat(backoff.failed()).isCloseTo(Duration.ofMillis(400), Duration.ofMillis(1));
    for (int i = 0; i < 100; i++) {
      assertThat(backoff.failed()).isLessThanOrEqualTo(Backoff.MAX);
    }
    assertThat(backoff.failed()).isCloseTo(Backoff.MAX, Duration.ofMillis(1));
  }

  @Test
  @DisplayName("a completed chat resets the pause; each pause is drawn from its upper half")
  void resetsAndJitters() {
    Backoff backoff = new Backoff(() -> 0.0); // the bottom of each range
    backoff.failed();
    backoff.failed();
    assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(200)); // half of 400 ms
    backoff.succeeded();
    assertThat(backoff.failed()).isEqualTo(Duration.ofMillis(50));
  }

  @Test
  @DisplayName(
      "a client failing instantly for 20 s sends a few dozen requests, not the 200 of a fixed"
          + " 100 ms pause")
  void aDeadServiceIsNotHammered() {
    Backoff backoff = new Backoff(() -> 0.5);
    long elapsed = 0;
    int attempts = 0;
    while (elapsed < Duration.ofSeconds(20).toNanos()) {
      attempts++;
      elapsed += backoff.failed().toNanos();
    }
    assertThat(attempts).isBetween(5, 15);
  }
}
