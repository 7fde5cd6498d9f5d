package dev.shortlease.guardrails.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** One tracker per data source: the guard and the leak check against all of them. */
class SeveralTrackersTest {

  /** A test-only long-call port. */
  public interface AskPort {
    String ask(String question);
  }

  private final TrackedH2 primary = new TrackedH2();
  private final TrackedH2 reporting = new TrackedH2();
  private final List<ConnectionTracker> both = List.of(primary.tracker, reporting.tracker);

  @Test
  @DisplayName("the guard stops a long call while a connection of any of its trackers is held")
  void guardChecksEveryTracker() throws Exception {
    AskPort guarded = LongCallGuard.guard(AskPort.class, q -> "a", both, GuardMode.STRICT);

    assertThat(guarded.ask("q")).isEqualTo("a");
    try (Connection held = reporting.open()) {
      assertThatThrownBy(() -> guarded.ask("q"))
          .isInstanceOf(ConnectionHeldDuringLongCallException.class)
          .hasMessageContaining("tracker test: thread");
    }
    assertThat(reporting.tracker.guardViolations()).isEqualTo(1);
    assertThat(primary.tracker.guardViolations()).isZero();
  }

  @Test
  @DisplayName("the leak check counts a leak in the tracker it leaked from")
  void leakCheckChecksEveryTracker() throws Exception {
    AskPort useCase =
        LeakCheck.wrap(
            AskPort.class,
            q -> {
              reporting.open();
              return "a";
            },
            both);

    assertThat(useCase.ask("q")).isEqualTo("a");
    assertThat(reporting.tracker.leaks()).isEqualTo(1);
    assertThat(primary.tracker.leaks()).isZero();
    assertThat(reporting.tracker.heldByCurrentThread()).isEqualTo(1);
  }

  @Test
  @DisplayName("a unit of work begun through one tracker is the unit of every tracker")
  void unitsAreShared() throws Exception {
    try (UnitOfWork work = primary.tracker.beginUnitOfWork();
        Connection held = reporting.open()) {
      assertThat(reporting.tracker.inUnitOfWork()).isTrue();
      assertThat(reporting.tracker.currentUnitOfWork())
          .isEqualTo(primary.tracker.currentUnitOfWork());
      int[] seen = new int[1];
      Thread.ofVirtual().start(() -> seen[0] = reporting.tracker.heldByCurrentWork()).join();
      assertThat(seen[0]).isEqualTo(1);
    }
    assertThat(reporting.tracker.inUnitOfWork()).isFalse();
  }

  @Test
  @DisplayName("no tracker is refused")
  void noTrackerIsRefused() {
    assertThatThrownBy(
            () -> LongCallGuard.guard(AskPort.class, q -> "a", List.of(), GuardMode.STRICT))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> LeakCheck.wrap(AskPort.class, q -> "a", List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
