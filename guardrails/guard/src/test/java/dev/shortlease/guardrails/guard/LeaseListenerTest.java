package dev.shortlease.guardrails.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LeaseListenerTest {

  private final TrackedH2 db = new TrackedH2();
  private final ConnectionTracker tracker = db.tracker;

  @Test
  @DisplayName("a listener hears each returned lease once, with its thread, unit and times")
  void listenerHearsEndedLeases() throws Exception {
    List<EndedLease> heard = new CopyOnWriteArrayList<>();
    tracker.addLeaseListener(heard::add);
    long unit;
    long before = System.nanoTime();
    try (UnitOfWork work = tracker.beginUnitOfWork()) {
      unit = tracker.currentUnitOfWork();
      try (Connection first = db.open()) {
        assertThat(heard).as("nothing before the return").isEmpty();
      }
    }
    try (Connection outside = db.open()) {
      // a lease outside any unit
    }
    long after = System.nanoTime();

    assertThat(unit).isPositive();
    assertThat(heard).hasSize(2);
    EndedLease inUnit = heard.get(0);
    assertThat(inUnit.unitOfWork()).isEqualTo(unit);
    assertThat(inUnit.threadName()).isEqualTo(Thread.currentThread().getName());
    assertThat(inUnit.acquiredAtNanos()).isBetween(before, inUnit.releasedAtNanos());
    assertThat(inUnit.releasedAtNanos()).isLessThanOrEqualTo(after);
    assertThat(inUnit.heldNanos()).isNotNegative();
    assertThat(heard.get(1).unitOfWork()).as("outside any unit").isZero();
    assertThat(tracker.currentUnitOfWork()).isZero();
  }
}
