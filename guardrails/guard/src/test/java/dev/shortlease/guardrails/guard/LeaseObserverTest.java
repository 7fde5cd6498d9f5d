package dev.shortlease.guardrails.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LeaseObserverTest {

  /** A test-only long-call port. */
  public interface RemotePort {
    String ask();
  }

  private final TrackedH2 db = new TrackedH2();
  private final List<String> seen = new CopyOnWriteArrayList<>();

  private final LeaseObserver recording =
      new LeaseObserver() {
        @Override
        public Lease checkedOut(String tracker, String connectionId) {
          String taker = Thread.currentThread().getName();
          seen.add("out " + tracker + " " + connectionId + " by " + taker);
          return () -> seen.add("back " + connectionId + " on " + Thread.currentThread().getName());
        }

        @Override
        public void violation(String longCall, String caller, GuardMode mode, int held) {
          seen.add("violation " + longCall + " " + mode + " held " + held);
        }
      };

  @Test
  @DisplayName("every checkout and its return are told, the return on the thread that closes it")
  void checkoutsAndReturnsAreObserved() throws Exception {
    db.tracker.observe(recording);
    Connection connection = db.open();
    String id = seen.getFirst().split(" ")[2];
    CompletableFuture.runAsync(
            () -> {
              try {
                connection.close();
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            })
        .get();

    assertThat(seen)
        .hasSize(2)
        .first()
        .isEqualTo("out test " + id + " by " + Thread.currentThread().getName());
    assertThat(seen.get(1)).startsWith("back " + id + " on ForkJoinPool");
  }

  @Test
  @DisplayName("no observer, or one removed, is told nothing; leases before it are not reported")
  void onlyLeasesTakenWhileObservedAreReported() throws Exception {
    try (Connection before = db.open()) {
      db.tracker.observe(recording);
    }
    db.tracker.observe(null);
    try (Connection after = db.open()) {
      assertThat(after.isValid(1)).isTrue();
    }
    assertThat(seen).isEmpty();
  }

  @Test
  @DisplayName("an observer that throws does not disturb the work or the tracker's counts")
  void aFailingObserverIsIgnored() throws Exception {
    db.tracker.observe(
        (tracker, connectionId) -> {
          throw new IllegalStateException("observer broken");
        });
    try (Connection connection = db.open()) {
      assertThat(db.tracker.heldByCurrentThread()).isEqualTo(1);
    }
    db.tracker.observe(
        (tracker, connectionId) ->
            () -> {
              throw new IllegalStateException("return broken");
            });
    try (Connection connection = db.open()) {
      assertThat(connection.isValid(1)).isTrue();
    }
    assertThat(db.tracker.openLeases()).isZero();
  }

  @Test
  @DisplayName("a guard violation is told with the long call, the mode and the connections held")
  void violationsAreObservedBeforeTheGuardThrows() throws Exception {
    db.tracker.observe(recording);
    RemotePort guarded =
        LongCallGuard.guard(RemotePort.class, () -> "answer", db.tracker, GuardMode.STRICT);
    try (Connection held = db.open()) {
      assertThatThrownBy(guarded::ask).isInstanceOf(ConnectionHeldDuringLongCallException.class);
    }
    assertThat(seen).contains("violation RemotePort.ask() STRICT held 1");
    seen.clear();
    assertThat(guarded.ask()).isEqualTo("answer");
    assertThat(seen).isEmpty();
  }
}
