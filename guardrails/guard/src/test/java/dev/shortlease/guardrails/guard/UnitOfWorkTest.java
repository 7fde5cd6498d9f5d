package dev.shortlease.guardrails.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class UnitOfWorkTest {

  private final TrackedH2 db = new TrackedH2();
  private final ConnectionTracker tracker = db.tracker;
  // Creates its one thread lazily, at the first submit: the pool-thread case.
  private final ExecutorService pool = Executors.newSingleThreadExecutor();

  @AfterEach
  void stopPool() {
    pool.shutdownNow();
  }

  @Test
  @DisplayName(
      "a virtual thread started inside a unit sees the connection the starting thread holds")
  void unitSpansTheVirtualThreadsItStarts() throws Exception {
    Connection outsider = CompletableFuture.supplyAsync(db::open).get();
    try (UnitOfWork work = tracker.beginUnitOfWork();
        Connection held = db.open()) {
      var seen =
          new Object() {
            int byThread;
            int byWork;
            int byGrandchild;
            String description;
          };
      Thread child =
          Thread.ofVirtual()
              .start(
                  () -> {
                    seen.byThread = tracker.heldByCurrentThread();
                    seen.byWork = tracker.heldByCurrentWork();
                    seen.description = tracker.describeHeldByCurrentWork();
                    Thread grandchild =
                        Thread.ofVirtual()
                            .start(() -> seen.byGrandchild = tracker.heldByCurrentWork());
                    join(grandchild);
                  });
      child.join();

      assertThat(seen.byThread).isZero();
      assertThat(seen.byWork).as("the held one, not the outsider's").isEqualTo(1);
      assertThat(seen.byGrandchild).isEqualTo(1);
      assertThat(seen.description)
          .contains("the unit of work of thread")
          .contains("holds 1 pooled connection")
          .contains("taken by thread " + Thread.currentThread().getName());
    } finally {
      outsider.close();
    }
    assertThat(tracker.heldByCurrentWork()).as("closed unit, nothing held").isZero();
    assertThat(tracker.inUnitOfWork()).isFalse();
  }

  @Test
  @DisplayName(
      "a pool of virtual threads made inside a unit, for one call's side-by-side work, shares it")
  void virtualThreadPoolMadeInsideAUnitSharesIt() throws Exception {
    // The shape of a call that fans out (shortlease's ParallelReads): a long call on one of
    // these threads must see the connection its starter holds.
    try (UnitOfWork work = tracker.beginUnitOfWork();
        Connection held = db.open();
        ExecutorService threads = Executors.newFixedThreadPool(2, Thread.ofVirtual().factory())) {
      Future<Integer> first = threads.submit(tracker::heldByCurrentWork);
      Future<Integer> second = threads.submit(tracker::heldByCurrentWork);

      assertThat(first.get()).isEqualTo(1);
      assertThat(second.get()).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("a thread started outside any unit of work shares nothing with its starter")
  void noUnitOfWorkNoSharing() throws Exception {
    try (Connection held = db.open()) {
      int[] seen = new int[1];
      Thread child = Thread.ofVirtual().start(() -> seen[0] = tracker.heldByCurrentWork());
      child.join();

      assertThat(seen[0]).isZero();
      assertThat(tracker.heldByCurrentWork()).isEqualTo(1);
    }
  }

  @Test
  @DisplayName(
      "a pool thread created lazily inside a unit does not carry it into later, unrelated tasks")
  void poolThreadCreatedInsideAUnitDoesNotJoinIt() throws Exception {
    try (UnitOfWork first = tracker.beginUnitOfWork();
        Connection held = db.open()) {
      // The first submit creates the pool's thread, from inside this unit.
      assertThat(pool.submit(tracker::heldByCurrentWork).get())
          .as("a platform pool thread is not part of the unit that happened to create it")
          .isZero();

      // An unrelated caller, outside any unit, uses the same pool thread while the unit is open.
      CountDownLatch acquired = new CountDownLatch(1);
      CountDownLatch release = new CountDownLatch(1);
      AtomicInteger seenByUnrelatedTask = new AtomicInteger(-1);
      Thread unrelated =
          Thread.ofPlatform()
              .start(
                  () ->
                      get(
                          pool.submit(
                              () -> {
                                seenByUnrelatedTask.set(tracker.heldByCurrentWork());
                                try (Connection own = db.open()) {
                                  acquired.countDown();
                                  release.await();
                                }
                                return null;
                              })));
      acquired.await();
      int seenByTheUnit = tracker.heldByCurrentWork();
      release.countDown();
      unrelated.join();

      assertThat(seenByUnrelatedTask)
          .as("the unrelated task must not see the unit's connection")
          .hasValue(0);
      assertThat(seenByTheUnit)
          .as("the unrelated task's own connection must not be blamed on the unit")
          .isEqualTo(1);
    }
  }

  @Test
  @DisplayName("a virtual thread started by such a pool thread gets no stale unit either")
  void virtualThreadOfAPoolThreadGetsNoStaleUnit() throws Exception {
    try (UnitOfWork work = tracker.beginUnitOfWork();
        Connection held = db.open()) {
      pool.submit(() -> {}).get(); // the pool thread is born inside the unit
      Future<Integer> seen =
          pool.submit(
              () -> {
                AtomicInteger inChild = new AtomicInteger(-1);
                Thread.ofVirtual().start(() -> inChild.set(tracker.heldByCurrentWork())).join();
                return inChild.get();
              });
      assertThat(seen.get()).isZero();
    }
  }

  @Test
  @DisplayName("work handed to a pool explicitly runs in the submitter's unit, and only that task")
  void explicitPropagationThroughAPool() throws Exception {
    try (UnitOfWork work = tracker.beginUnitOfWork();
        Connection held = db.open()) {
      AtomicInteger viaPropagate = new AtomicInteger(-1);
      pool.submit(tracker.propagate(() -> viaPropagate.set(tracker.heldByCurrentWork()))).get();
      AtomicInteger viaExecutor = new AtomicInteger(-1);
      CompletableFuture.runAsync(
              () -> viaExecutor.set(tracker.heldByCurrentWork()), tracker.propagating(pool))
          .get();
      Integer afterwards = pool.submit(tracker::heldByCurrentWork).get();

      assertThat(viaPropagate).hasValue(1);
      assertThat(viaExecutor).hasValue(1);
      assertThat(afterwards).as("the pool thread left the unit when the task ended").isZero();
    }
  }

  @Test
  @DisplayName("a task propagated from outside any unit clears whatever unit its thread was in")
  void propagatingNoUnit() throws Exception {
    Runnable outsideAnyUnit = tracker.propagate(() -> {});
    AtomicReference<Boolean> inUnit = new AtomicReference<>();
    Runnable check = tracker.propagate(() -> inUnit.set(tracker.inUnitOfWork()));
    try (UnitOfWork work = tracker.beginUnitOfWork()) {
      outsideAnyUnit.run();
      assertThat(tracker.inUnitOfWork()).as("restored after the task").isTrue();
      check.run();
    }
    assertThat(inUnit.get()).isFalse();
  }

  @Test
  @DisplayName("a propagated task also carries the observer's context of the handing thread")
  void propagateCarriesTheObserversContext() throws Exception {
    ThreadLocal<String> span = new ThreadLocal<>();
    tracker.observe(
        new LeaseObserver() {
          @Override
          public Lease checkedOut(String tracker, String connectionId) {
            return null;
          }

          @Override
          public Runnable propagate(Runnable task) {
            String current = span.get();
            return () -> {
              span.set(current);
              try {
                task.run();
              } finally {
                span.remove();
              }
            };
          }
        });
    span.set("chat span");
    AtomicReference<String> seen = new AtomicReference<>();
    try {
      pool.submit(tracker.propagate(() -> seen.set(span.get()))).get();
    } finally {
      span.remove();
      tracker.observe(null);
    }

    assertThat(seen).hasValue("chat span");
  }

  @Test
  @DisplayName("nested units: closing the inner one restores the outer one")
  void nestedUnits() throws Exception {
    try (UnitOfWork outer = tracker.beginUnitOfWork();
        Connection held = db.open()) {
      try (UnitOfWork inner = tracker.beginUnitOfWork()) {
        int[] seen = new int[1];
        Thread.ofVirtual().start(() -> seen[0] = tracker.heldByCurrentWork()).join();
        assertThat(seen[0]).as("the inner unit does not own the outer unit's lease").isZero();
      }
      int[] seen = new int[1];
      Thread.ofVirtual().start(() -> seen[0] = tracker.heldByCurrentWork()).join();
      assertThat(seen[0]).isEqualTo(1);
    }
  }

  @Test
  @DisplayName("a unit must be closed on the thread that began it")
  void closeOnAnotherThreadIsRefused() throws Exception {
    UnitOfWork work = tracker.beginUnitOfWork();
    try {
      AtomicReference<Throwable> thrown = new AtomicReference<>();
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  work.close();
                } catch (RuntimeException e) {
                  thrown.set(e);
                }
              })
          .join();
      assertThat(thrown.get())
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("closed on the thread that began it");
    } finally {
      work.close();
    }
    assertThatThrownBy(() -> pool.submit(work::close).get())
        .hasCauseInstanceOf(IllegalStateException.class);
  }

  private static void join(Thread thread) {
    try {
      thread.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static <T> T get(Future<T> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
