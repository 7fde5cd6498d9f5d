package dev.shortlease.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.DoubleAdder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class JitQuietTest {

  private static final long SECOND = 1_000_000_000L;

  @Test
  @DisplayName("quiet only when the compilers used less than the limit since the last check")
  void comparesTheRateSinceTheLastCheck() {
    DoubleAdder jitSeconds = new DoubleAdder();
    AtomicLong clock = new AtomicLong();
    JitQuiet quiet = new JitQuiet(jitSeconds::sum, clock::get, 0.05);

    clock.addAndGet(5 * SECOND);
    jitSeconds.add(2.5); // half a core over 5 s: still compiling
    assertThat(quiet.getAsBoolean()).isFalse();

    clock.addAndGet(5 * SECOND);
    jitSeconds.add(0.3); // 0.06 of a core: just above the limit
    assertThat(quiet.getAsBoolean()).isFalse();

    clock.addAndGet(5 * SECOND);
    jitSeconds.add(0.1); // 0.02 of a core: quiet
    assertThat(quiet.getAsBoolean()).isTrue();

    clock.addAndGet(5 * SECOND);
    jitSeconds.add(1.0); // a late burst counts again
    assertThat(quiet.getAsBoolean()).isFalse();
  }
}
