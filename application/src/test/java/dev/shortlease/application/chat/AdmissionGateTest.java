package dev.shortlease.application.chat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.application.ReliabilitySettings;
import dev.shortlease.application.WakeUpTimer;
import dev.shortlease.application.port.in.BusyException;
import dev.shortlease.application.port.in.ShuttingDownException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class AdmissionGateTest {

  private static AdmissionGate gate(int permits, int queue, Duration wait) {
    return new AdmissionGate(ReliabilitySettings.forPool(10).withAdmission(permits, queue, wait));
  }

  @Test
  @DisplayName("never more starts at once than permits; a burst waits its turn and all get in")
  void burstWaitsItsTurn() throws Exception {
    AdmissionGate gate = gate(2, 500, Duration.ofSeconds(10));
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    List<Future<Integer>> starts = new ArrayList<>();
    try (var threads = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < 200; i++) {
        int n = i;
        starts.add(
            threads.submit(
                () ->
                    gate.admit(
                        () -> {
                          most.accumulateAndGet(inside.incrementAndGet(), Math::max);
                          sleep(2);
                          inside.decrementAndGet();
                          return n;
                        })));
      }
      for (Future<Integer> start : starts) {
        start.get(20, TimeUnit.SECONDS);
      }
    }
    assertThat(most.get()).isEqualTo(2);
  }

  @Test
  @DisplayName("beyond the queue limit, or past the wait, a start is refused as busy")
  void boundedLine() throws Exception {
    AdmissionGate gate = gate(1, 1, Duration.ofMillis(300));
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Thread holder =
        Thread.ofVirtual()
            .start(
                () ->
                    gate.admit(
                        () -> {
                          holding.countDown();
                          await(release);
                          return null;
                        }));
    assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
    Thread waiter =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    gate.admit(() -> null);
                  } catch (BusyException expected) {
                    // the wait ran out
                  }
                });
    while (gate.waiting() == 0) {
      Thread.sleep(5);
    }

    assertThatThrownBy(() -> gate.admit(() -> null))
        .isInstanceOf(BusyException.class)
        .hasMessageContaining("1 waiting");
    waiter.join(5_000);
    assertThatThrownBy(() -> gate.admit(() -> null))
        .isInstanceOf(BusyException.class)
        .hasMessageContaining("within");

    release.countDown();
    holder.join(5_000);
    assertThat(gate.admit(() -> "in")).isEqualTo("in");
  }

  @Test
  @DisplayName("an interrupted waiter leaves the line, and the permit goes to the next in line")
  void interruptedWaiterLeavesTheLine() throws Exception {
    AdmissionGate gate = gate(1, 10, Duration.ofSeconds(30));
    int timersBefore = WakeUpTimer.pending();
    gate.enter();
    AtomicInteger refused = new AtomicInteger();
    Thread interrupted =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    gate.enter();
                  } catch (BusyException expected) {
                    refused.incrementAndGet();
                  }
                });
    while (gate.waiting() == 0) {
      Thread.sleep(5);
    }
    CountDownLatch admitted = new CountDownLatch(1);
    Thread next =
        Thread.ofVirtual()
            .start(
                () -> {
                  gate.enter();
                  admitted.countDown();
                });
    while (gate.waiting() < 2) {
      Thread.sleep(5);
    }

    interrupted.interrupt();
    interrupted.join(5_000);
    assertThat(refused).hasValue(1);
    assertThat(gate.waiting()).isEqualTo(1);
    gate.leave();

    assertThat(admitted.await(5, TimeUnit.SECONDS)).isTrue();
    next.join(5_000);
    assertThat(gate.waiting()).isZero();
    assertThat(WakeUpTimer.pending()).as("no wait limit left queued").isEqualTo(timersBefore);
  }

  @Test
  @DisplayName(
      "closing the line refuses a start waiting in it at once, before its start runs, and every"
          + " later one")
  void closingRefusesWaitersAtOnce() throws Exception {
    AdmissionGate gate = gate(1, 10, Duration.ofSeconds(30));
    int timersBefore = WakeUpTimer.pending();
    gate.enter(); // the only permit: the next start waits
    AtomicInteger started = new AtomicInteger(); // authentication and T1-T3 would run here
    AtomicReference<RuntimeException> refusal = new AtomicReference<>();
    Thread waiter =
        Thread.ofVirtual()
            .start(
                () -> {
                  try {
                    gate.admit(started::incrementAndGet);
                  } catch (RuntimeException e) {
                    refusal.set(e);
                  }
                });
    while (gate.waiting() == 0) {
      Thread.sleep(5);
    }

    long closing = System.nanoTime();
    gate.close();
    waiter.join(5_000);
    Duration refusedAfter = Duration.ofNanos(System.nanoTime() - closing);
    gate.leave(); // had the waiter stayed in the line, this would let it start

    waiter.join(5_000);
    assertThat(refusal.get()).isInstanceOf(ShuttingDownException.class);
    assertThat(refusedAfter).as("refused after closing").isLessThan(Duration.ofSeconds(2));
    assertThat(started).as("starts that ran").hasValue(0);
    assertThat(gate.waiting()).isZero();
    assertThat(WakeUpTimer.pending()).as("no wait limit left queued").isEqualTo(timersBefore);
    assertThatThrownBy(() -> gate.admit(started::incrementAndGet))
        .as("a start after closing, with a permit free")
        .isInstanceOf(ShuttingDownException.class);
    assertThat(started).hasValue(0);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
