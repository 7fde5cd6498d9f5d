package dev.shortlease.application.port.out;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class StopSignalTest {

  @Test
  @DisplayName("closed registrations are dropped: a run's signal does not collect callbacks")
  void closedRegistrationsDoNotAccumulate() {
    StopSignal stop = new StopSignal();
    AtomicInteger runs = new AtomicInteger();

    for (int i = 0; i < 10_000; i++) {
      try (StopSignal.Registration hop = stop.onRequest(runs::incrementAndGet)) {
        assertThat(stop.registered()).isEqualTo(1);
      }
    }

    assertThat(stop.registered()).isZero();
    stop.request();
    assertThat(runs).as("closed callbacks run on stop").hasValue(0);
  }

  @Test
  @DisplayName("a stop runs the open registrations once and not the closed ones")
  void onlyOpenRegistrationsRunOnStop() {
    StopSignal stop = new StopSignal();
    AtomicInteger open = new AtomicInteger();
    AtomicInteger closed = new AtomicInteger();
    stop.onRequest(open::incrementAndGet);
    stop.onRequest(closed::incrementAndGet).close();

    stop.request();
    stop.request();

    assertThat(open).hasValue(1);
    assertThat(closed).hasValue(0);
    assertThat(stop.registered()).isZero();
  }

  @Test
  @DisplayName("registered after the stop: the callback runs at once, on the registering thread")
  void registeredAfterTheStopRunsAtOnce() {
    StopSignal stop = new StopSignal();
    stop.request();
    List<Thread> ranOn = new ArrayList<>();

    StopSignal.Registration late = stop.onRequest(() -> ranOn.add(Thread.currentThread()));

    assertThat(ranOn).containsExactly(Thread.currentThread());
    assertThat(stop.registered()).isZero();
    late.close(); // harmless
    assertThat(ranOn).hasSize(1);
  }

  @RepeatedTest(20)
  @DisplayName(
      "registrations racing a stop: each callback left open runs exactly once, each closed before"
          + " the stop never, and nothing stays registered")
  void concurrentRegistrationsAndStop() throws Exception {
    StopSignal stop = new StopSignal();
    int threads = 8;
    int perThread = 2_000;
    AtomicInteger[] open = new AtomicInteger[threads * perThread];
    AtomicInteger closedRuns = new AtomicInteger();
    CountDownLatch go = new CountDownLatch(1);
    List<Future<?>> done = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(threads + 1)) {
      for (int t = 0; t < threads; t++) {
        int first = t * perThread;
        done.add(
            pool.submit(
                () -> {
                  go.await();
                  for (int i = first; i < first + perThread; i++) {
                    AtomicInteger count = new AtomicInteger();
                    open[i] = count;
                    stop.onRequest(count::incrementAndGet);
                    // Closed at once: it may run only if the stop was raised before it was
                    // registered (then at once), or while this very registration was open.
                    boolean stoppedBefore = stop.isRequested();
                    AtomicInteger closed = new AtomicInteger();
                    stop.onRequest(closed::incrementAndGet).close();
                    if (stoppedBefore) {
                      assertThat(closed).hasValue(1);
                    } else {
                      closedRuns.addAndGet(closed.get());
                    }
                  }
                  return null;
                }));
      }
      done.add(
          pool.submit(
              () -> {
                go.await();
                Thread.sleep(1);
                stop.request();
                return null;
              }));
      go.countDown();
      for (Future<?> f : done) {
        f.get();
      }
    }

    assertThat(open).allSatisfy(count -> assertThat(count).hasValue(1));
    assertThat(stop.registered()).isZero();
    // Closed before the stop was raised: never run. Only the one registration per thread that
    // spans the moment the stop is raised can run; every later one runs at once as it registers.
    assertThat(closedRuns.get()).isLessThanOrEqualTo(threads);
  }
}
