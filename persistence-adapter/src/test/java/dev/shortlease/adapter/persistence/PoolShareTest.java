package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.domain.StorageUnavailableException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("PoolShare: units of work on their caller, ordinary ones within their share")
class PoolShareTest {

  private final List<Thread> callers = new ArrayList<>();
  private final AtomicInteger withdrawn = new AtomicInteger();

  @AfterEach
  void joinCallers() throws InterruptedException {
    for (Thread caller : callers) {
      caller.join(5_000);
    }
  }

  private PoolShare share(int poolSize, int reserved, Duration ordinaryWait) {
    return PoolShare.of(poolSize, reserved, ordinaryWait, withdrawn::incrementAndGet);
  }

  private void inBackground(Runnable caller) {
    callers.add(Thread.ofVirtual().start(caller));
  }

  @Test
  @DisplayName("a unit runs on its caller's thread, ordinary or reserved")
  void runsOnTheCaller() {
    PoolShare share = share(2, 1, Duration.ofSeconds(1));
    Thread me = Thread.currentThread();

    assertThat(share.ordinary(Thread::currentThread)).isSameAs(me);
    assertThat(share.reserved(Thread::currentThread)).isSameAs(me);
    assertThat(PoolShare.unlimited().ordinary(Thread::currentThread)).isSameAs(me);
  }

  @Test
  @DisplayName("a unit started inside a unit runs in place, without a second permit")
  void nestedRunsInPlace() {
    PoolShare share = share(1, 0, Duration.ofMillis(200)); // one ordinary permit only

    String inner = share.ordinary(() -> share.ordinary(() -> "inner"));

    assertThat(inner).isEqualTo("inner");
    assertThat(withdrawn).hasValue(0);
  }

  @Test
  @DisplayName("a failure reaches the caller as it was thrown, and its permit is given back")
  void rethrowsTheFailure() {
    PoolShare share = share(1, 0, Duration.ofMillis(200));
    IllegalStateException failure = new IllegalStateException("boom");

    assertThatThrownBy(
            () ->
                share.ordinary(
                    () -> {
                      throw failure;
                    }))
        .isSameAs(failure);
    assertThat(share.ordinary(() -> "next")).isEqualTo("next");
  }

  @Test
  @DisplayName("ordinary work never takes the reserve; reserved work runs while ordinary waits")
  void reservedStaysFree() throws InterruptedException {
    PoolShare share = share(3, 1, Duration.ofSeconds(5));
    CountDownLatch twoRunning = new CountDownLatch(2);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger ordinaryStarted = new AtomicInteger();
    for (int i = 0; i < 3; i++) {
      inBackground(
          () ->
              share.ordinary(
                  () -> {
                    ordinaryStarted.incrementAndGet();
                    twoRunning.countDown();
                    await(release);
                    return null;
                  }));
    }
    assertThat(twoRunning.await(5, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(100); // the third ordinary unit would have started by now if it could

    String saved = share.reserved(() -> "saved");
    int ordinaryBeforeRelease = ordinaryStarted.get();
    release.countDown();
    joinCallers();

    assertThat(saved).isEqualTo("saved");
    assertThat(ordinaryBeforeRelease).as("ordinary units running at once").isEqualTo(2);
    assertThat(ordinaryStarted).as("the third ran once a permit came back").hasValue(3);
  }

  @Test
  @DisplayName("an ordinary unit with no permit in time fails as no connection and never runs")
  void ordinaryWaitsAtMostItsWait() throws InterruptedException {
    PoolShare share = share(2, 1, Duration.ofMillis(200));
    CountDownLatch busy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    inBackground(() -> share.ordinary(signalThenWait(busy, release)));
    assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();
    AtomicBoolean ran = new AtomicBoolean();

    try {
      assertThatThrownBy(() -> share.ordinary(() -> ran.getAndSet(true)))
          .isInstanceOfSatisfying(
              StorageUnavailableException.class, e -> assertThat(e.noConnection()).isTrue())
          .hasMessageContaining("within 200 ms");
    } finally {
      release.countDown();
    }
    assertThat(share.reserved(() -> "still serving")).isEqualTo("still serving");
    assertThat(ran).isFalse();
    assertThat(withdrawn).as("counted as a pool timeout").hasValue(1);
  }

  @Test
  @DisplayName("a pending interrupt is put aside while the unit runs, then restored")
  void pendingInterruptWaitsForTheUnit() throws InterruptedException {
    PoolShare share = share(1, 0, Duration.ofSeconds(1));
    AtomicBoolean interruptedInside = new AtomicBoolean(true);
    AtomicBoolean interruptedAfter = new AtomicBoolean();
    AtomicReference<String> result = new AtomicReference<>();
    Thread caller =
        Thread.ofVirtual()
            .unstarted(
                () -> {
                  Thread.currentThread().interrupt();
                  result.set(
                      share.ordinary(
                          () -> {
                            interruptedInside.set(Thread.currentThread().isInterrupted());
                            return "committed";
                          }));
                  interruptedAfter.set(Thread.currentThread().isInterrupted());
                });
    caller.start();
    caller.join(5_000);

    assertThat(result.get()).isEqualTo("committed");
    assertThat(interruptedInside).as("no interrupt to close the unit's socket").isFalse();
    assertThat(interruptedAfter).as("the caller keeps its interrupt").isTrue();
  }

  @Test
  @DisplayName("an interrupt while waiting for a permit does not give up the wait")
  void interruptDuringThePermitWait() throws InterruptedException {
    PoolShare share = share(1, 0, Duration.ofSeconds(5));
    CountDownLatch busy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    inBackground(() -> share.ordinary(signalThenWait(busy, release)));
    assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();
    AtomicReference<String> result = new AtomicReference<>();
    AtomicBoolean interruptKept = new AtomicBoolean();
    Thread waiter =
        Thread.ofVirtual()
            .start(
                () -> {
                  result.set(share.ordinary(() -> "ran"));
                  interruptKept.set(Thread.currentThread().isInterrupted());
                });
    Thread.sleep(100); // the waiter is parked on the permit
    waiter.interrupt();
    Thread.sleep(50);
    release.countDown();
    waiter.join(5_000);

    assertThat(result.get()).isEqualTo("ran");
    assertThat(interruptKept).isTrue();
  }

  @Test
  @DisplayName("closing waits for the running units, then refuses new work")
  void closeWaitsThenRefuses() throws InterruptedException {
    PoolShare share = share(2, 1, Duration.ofSeconds(5));
    CountDownLatch busy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<String> saved = new AtomicReference<>();
    inBackground(
        () ->
            saved.set(
                share.reserved(
                    () -> {
                      busy.countDown();
                      await(release);
                      return "final save";
                    })));
    assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();
    AtomicBoolean closeReturned = new AtomicBoolean();
    Thread closer =
        Thread.ofVirtual()
            .start(
                () -> {
                  share.close();
                  closeReturned.set(true);
                });
    Thread.sleep(100);
    boolean returnedWhileRunning = closeReturned.get();
    release.countDown();
    closer.join(5_000);

    assertThat(returnedWhileRunning).as("close waited for the running unit").isFalse();
    assertThat(saved.get()).isEqualTo("final save");
    assertThatThrownBy(() -> share.reserved(() -> "late"))
        .isInstanceOf(StorageUnavailableException.class)
        .hasMessageContaining("stopped");
  }

  @Test
  @DisplayName("a share is counted against the pool: at least one, fewer reserved than the pool")
  void rejectsImpossibleShares() {
    assertThatThrownBy(() -> PoolShare.of(0, 0, Duration.ZERO, () -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> PoolShare.of(2, 2, Duration.ZERO, () -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A unit that says it is running, then keeps its permit until {@code release}. */
  private static Supplier<Void> signalThenWait(CountDownLatch running, CountDownLatch release) {
    return () -> {
      running.countDown();
      await(release);
      return null;
    };
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
