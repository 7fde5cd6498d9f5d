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
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("DatabaseWorkers: units of work on a few platform threads, ordinary within its share")
class DatabaseWorkersTest {

  private final List<DatabaseWorkers> started = new ArrayList<>();
  private final List<Thread> callers = new ArrayList<>();
  private final AtomicInteger withdrawn = new AtomicInteger();

  @AfterEach
  void stop() throws InterruptedException {
    for (Thread caller : callers) {
      caller.join(5_000);
    }
    started.forEach(DatabaseWorkers::close);
  }

  private DatabaseWorkers workers(int threads, int reserved, Duration ordinaryWait) {
    DatabaseWorkers workers =
        DatabaseWorkers.start(
            threads, reserved, ordinaryWait, UnaryOperator.identity(), withdrawn::incrementAndGet);
    started.add(workers);
    return workers;
  }

  private void inBackground(Runnable caller) {
    callers.add(Thread.ofVirtual().start(caller));
  }

  @Test
  @DisplayName("a unit runs on a worker, not on its (virtual) caller; the caller is known there")
  void runsOnAWorker() throws InterruptedException {
    DatabaseWorkers workers = workers(2, 1, Duration.ofSeconds(1));
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    AtomicReference<Thread> callerSeen = new AtomicReference<>();
    AtomicReference<Thread> caller = new AtomicReference<>();
    Thread.ofVirtual()
        .start(
            () -> {
              caller.set(Thread.currentThread());
              workers.ordinary(
                  () -> {
                    ranOn.set(Thread.currentThread());
                    callerSeen.set(DatabaseWorkers.callingThread());
                    return null;
                  });
            })
        .join();

    assertThat(ranOn.get().isVirtual()).isFalse();
    assertThat(ranOn.get().getName()).startsWith("db-worker-");
    assertThat(callerSeen.get()).isSameAs(caller.get());
    assertThat(DatabaseWorkers.callingThread()).isSameAs(Thread.currentThread());
  }

  @Test
  @DisplayName("a unit started inside a unit runs in place: no second worker, no deadlock")
  void nestedRunsInPlace() {
    DatabaseWorkers workers = workers(1, 0, Duration.ofSeconds(1));

    Thread inner =
        workers.ordinary(() -> workers.reserved(Thread::currentThread)); // one worker only

    assertThat(inner.getName()).isEqualTo("db-worker-0");
  }

  @Test
  @DisplayName("the caller's context is handed to the worker through the propagator")
  void propagatesContext() {
    ThreadLocal<String> context = new ThreadLocal<>();
    DatabaseWorkers workers =
        DatabaseWorkers.start(
            1,
            0,
            Duration.ofSeconds(1),
            task -> {
              String captured = context.get();
              return () -> {
                context.set(captured);
                try {
                  task.run();
                } finally {
                  context.remove();
                }
              };
            },
            () -> {});
    started.add(workers);
    context.set("request-7");

    assertThat(workers.ordinary(context::get)).isEqualTo("request-7");
  }

  @Test
  @DisplayName("a failure reaches the caller as it was thrown")
  void rethrowsTheFailure() {
    DatabaseWorkers workers = workers(1, 0, Duration.ofSeconds(1));
    IllegalStateException failure = new IllegalStateException("boom");

    assertThatThrownBy(
            () ->
                workers.reserved(
                    () -> {
                      throw failure;
                    }))
        .isSameAs(failure);
  }

  @Test
  @DisplayName("ordinary work never takes the reserved workers, and reserved work goes first")
  void reservedStaysFree() throws InterruptedException {
    DatabaseWorkers workers = workers(2, 1, Duration.ofSeconds(5));
    CountDownLatch ordinaryRunning = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger ordinaryStarted = new AtomicInteger();
    for (int i = 0; i < 2; i++) {
      inBackground(
          () ->
              workers.ordinary(
                  () -> {
                    ordinaryStarted.incrementAndGet();
                    ordinaryRunning.countDown();
                    await(release);
                    return null;
                  }));
    }
    assertThat(ordinaryRunning.await(5, TimeUnit.SECONDS)).isTrue();

    // One worker is busy with ordinary work, the second ordinary unit waits; reserved runs now.
    String saved = workers.reserved(() -> "saved");
    int ordinaryBeforeRelease = ordinaryStarted.get();
    release.countDown();

    assertThat(saved).isEqualTo("saved");
    assertThat(ordinaryBeforeRelease).as("ordinary units running at once").isEqualTo(1);
  }

  @Test
  @DisplayName("an ordinary unit no worker took in time fails as no connection and never runs")
  void ordinaryWaitsAtMostItsWait() throws InterruptedException {
    DatabaseWorkers workers = workers(2, 1, Duration.ofMillis(200));
    CountDownLatch busy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    inBackground(() -> workers.ordinary(signalThenWait(busy, release)));
    assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();
    AtomicBoolean ran = new AtomicBoolean();

    try {
      assertThatThrownBy(() -> workers.ordinary(() -> ran.getAndSet(true)))
          .isInstanceOfSatisfying(
              StorageUnavailableException.class, e -> assertThat(e.noConnection()).isTrue())
          .hasMessageContaining("within 200 ms");
    } finally {
      release.countDown();
    }
    assertThat(workers.reserved(() -> "still serving")).isEqualTo("still serving");
    assertThat(ran).isFalse();
    assertThat(withdrawn).as("counted as a pool timeout").hasValue(1);
  }

  @Test
  @DisplayName("an interrupted caller still gets what its unit did, and keeps its interrupt")
  void interruptDoesNotAbandonTheUnit() throws InterruptedException {
    DatabaseWorkers workers = workers(1, 0, Duration.ofSeconds(5));
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<String> result = new AtomicReference<>();
    AtomicBoolean interruptKept = new AtomicBoolean();
    Thread caller =
        Thread.ofVirtual()
            .start(
                () -> {
                  result.set(
                      workers.reserved(
                          () -> {
                            running.countDown();
                            await(release);
                            return "committed";
                          }));
                  interruptKept.set(Thread.currentThread().isInterrupted());
                });
    assertThat(running.await(5, TimeUnit.SECONDS)).isTrue();
    caller.interrupt();
    release.countDown();
    caller.join(5_000);

    assertThat(result.get()).isEqualTo("committed");
    assertThat(interruptKept).isTrue();
  }

  @Test
  @DisplayName("closing runs what is queued, then refuses new work")
  void closeDrainsThenRefuses() throws InterruptedException {
    DatabaseWorkers workers = DatabaseWorkers.start(1, 0, Duration.ofSeconds(5), t -> t, () -> {});
    CountDownLatch busy = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicReference<String> queued = new AtomicReference<>();
    inBackground(() -> workers.reserved(signalThenWait(busy, release)));
    assertThat(busy.await(5, TimeUnit.SECONDS)).isTrue();
    inBackground(() -> queued.set(workers.reserved(() -> "final save")));
    Thread.sleep(100); // the second unit is queued behind the first
    Thread closer = Thread.ofVirtual().start(workers::close);
    release.countDown();
    closer.join(5_000);
    for (Thread caller : callers) {
      caller.join(5_000);
    }

    assertThat(queued.get()).isEqualTo("final save");
    assertThatThrownBy(() -> workers.reserved(() -> "late"))
        .isInstanceOf(StorageUnavailableException.class)
        .hasMessageContaining("stopped");
  }

  @Test
  @DisplayName("caller-thread workers run every unit in place")
  void callerThreadRunsInPlace() {
    Thread me = Thread.currentThread();

    assertThat(DatabaseWorkers.callerThread().ordinary(Thread::currentThread)).isSameAs(me);
    assertThat(DatabaseWorkers.callerThread().reserved(Thread::currentThread)).isSameAs(me);
  }

  @Test
  @DisplayName("workers are counted as the pool: at least one, fewer reserved than workers")
  void rejectsImpossibleShares() {
    assertThatThrownBy(() -> DatabaseWorkers.start(0, 0, Duration.ZERO, t -> t, () -> {}))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> DatabaseWorkers.start(2, 2, Duration.ZERO, t -> t, () -> {}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** A unit that says it is running, then keeps its worker until {@code release}. */
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
