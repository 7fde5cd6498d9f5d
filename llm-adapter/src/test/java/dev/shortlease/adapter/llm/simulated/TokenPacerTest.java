package dev.shortlease.adapter.llm.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TokenPacerTest {

  @Test
  @DisplayName("many sleepers each wake at their own instant, never before it")
  void wakesEachAtItsInstant() throws Exception {
    long start = System.nanoTime();
    List<Thread> threads = new ArrayList<>();
    List<AtomicLong> woke = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      long deadline = start + Duration.ofMillis(20 + 3 * i).toNanos();
      AtomicLong at = new AtomicLong();
      woke.add(at);
      threads.add(
          Thread.ofVirtual()
              .start(
                  () -> {
                    while (deadline - System.nanoTime() > 0) {
                      TokenPacer.parkUntil(deadline);
                    }
                    at.set(System.nanoTime());
                  }));
    }
    for (Thread thread : threads) {
      thread.join(5_000);
    }
    for (int i = 0; i < 50; i++) {
      long late = woke.get(i).get() - (start + Duration.ofMillis(20 + 3 * i).toNanos());
      assertThat(late).as("sleeper %d", i).isBetween(0L, Duration.ofSeconds(1).toNanos());
    }
  }

  @Test
  @DisplayName("an unpark ends the sleep at once, and a later sleeper still wakes on time")
  void unparkEndsTheSleep() throws Exception {
    long far = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Thread sleeper = Thread.ofVirtual().start(() -> TokenPacer.parkUntil(far));
    Thread.sleep(50);
    long unparked = System.nanoTime();
    LockSupport.unpark(sleeper);
    sleeper.join(5_000);
    assertThat(sleeper.isAlive()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - unparked)).isLessThan(Duration.ofSeconds(5));

    long soon = System.nanoTime() + Duration.ofMillis(30).toNanos();
    Thread next =
        Thread.ofVirtual()
            .start(
                () -> {
                  while (soon - System.nanoTime() > 0) {
                    TokenPacer.parkUntil(soon);
                  }
                });
    next.join(5_000);
    assertThat(next.isAlive()).isFalse();
    assertThat(System.nanoTime() - soon).isGreaterThanOrEqualTo(0);
  }
}
