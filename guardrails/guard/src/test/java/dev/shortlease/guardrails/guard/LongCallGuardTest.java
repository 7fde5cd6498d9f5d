package dev.shortlease.guardrails.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LongCallGuardTest {

  /** A test-only long-call port: a remote service that may take seconds. */
  public interface ForecastPort {
    String forecast(String city, int days);
  }

  private final TrackedH2 db = new TrackedH2();
  private final AtomicInteger remoteCalls = new AtomicInteger();
  private final ForecastPort remote =
      (city, days) -> {
        remoteCalls.incrementAndGet();
        return "sunny";
      };
  private final ListAppender<ILoggingEvent> logs = TrackedH2.captureLogs(LongCallGuard.class);

  @AfterEach
  void stopCapturing() {
    logs.stop();
  }

  @Test
  @DisplayName("strict mode throws before the remote call, naming the method, caller and acquirer")
  void strictModeThrowsWhenAConnectionIsHeld() throws Exception {
    ForecastPort guarded = guard(GuardMode.STRICT);

    try (Connection held = acquireBeforeTheRemoteCall()) {
      assertThatThrownBy(() -> callFromANamedMethod(guarded))
          .isInstanceOf(ConnectionHeldDuringLongCallException.class)
          .hasMessageContaining("long call ForecastPort.forecast(String, int)")
          .hasMessageContaining("entered from " + getClass().getName() + ".callFromANamedMethod")
          .hasMessageContaining("holds 1 pooled connection")
          .hasMessageContaining("LongCallGuardTest.acquireBeforeTheRemoteCall")
          .hasMessageContaining(
              "end the transaction before the long call: read in one, call, write in another");
    }
    assertThat(remoteCalls).hasValue(0);
    assertThat(db.tracker.guardViolations()).isEqualTo(1);
  }

  @Test
  @DisplayName("warn mode lets calls through, logs once per call site and counts every violation")
  void warnModeLogsOncePerSiteAndCounts() throws Exception {
    ForecastPort guarded = guard(GuardMode.WARN);

    try (Connection held = acquireBeforeTheRemoteCall()) {
      for (int i = 0; i < 3; i++) {
        assertThat(callFromANamedMethod(guarded)).isEqualTo("sunny");
      }
      assertThat(guarded.forecast("Oslo", 1)).as("a second call site").isEqualTo("sunny");
    }
    assertThat(remoteCalls).hasValue(4);
    assertThat(db.tracker.guardViolations()).isEqualTo(4);
    assertThat(db.tracker.guardViolationsBySite()).hasSize(2).containsValues(3L, 1L);
    assertThat(TrackedH2.warnings(logs))
        .hasSize(2)
        .first()
        .asString()
        .contains("ForecastPort.forecast(", "callFromANamedMethod", "acquireBeforeTheRemoteCall")
        .contains("counted, not logged");
  }

  @Test
  @DisplayName("off mode checks nothing and counts nothing, but the port still reads as guarded")
  void offModeChecksNothing() throws Exception {
    ForecastPort guarded = guard(GuardMode.OFF);

    try (Connection held = acquireBeforeTheRemoteCall()) {
      assertThat(guarded.forecast("Oslo", 1)).isEqualTo("sunny");
    }
    assertThat(db.tracker.guardViolations()).isZero();
    assertThat(TrackedH2.warnings(logs)).isEmpty();
    assertThat(LongCallGuard.isGuarded(guarded)).isTrue();
  }

  @Test
  @DisplayName("no connection held: the call goes through silently in every mode")
  void noConnectionNoViolation() throws Exception {
    for (GuardMode mode : GuardMode.values()) {
      ForecastPort guarded = guard(mode);
      acquireBeforeTheRemoteCall().close(); // a finished short transaction is fine

      assertThat(guarded.forecast("Oslo", 1)).isEqualTo("sunny");
    }
    assertThat(remoteCalls).hasValue(3);
    assertThat(db.tracker.guardViolations()).isZero();
    assertThat(TrackedH2.warnings(logs)).isEmpty();
  }

  @Test
  @DisplayName("a connection the calling thread holds trips the guard on a thread its unit started")
  void heldConnectionTripsTheGuardOnAChildThread() throws Exception {
    ForecastPort guarded = guard(GuardMode.STRICT);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    try (UnitOfWork request = db.tracker.beginUnitOfWork();
        Connection held = acquireBeforeTheRemoteCall()) {
      Thread.ofVirtual()
          .start(
              () -> {
                try {
                  guarded.forecast("Oslo", 1);
                } catch (RuntimeException e) {
                  thrown.set(e);
                }
              })
          .join();
    }
    assertThat(thrown.get())
        .isInstanceOf(ConnectionHeldDuringLongCallException.class)
        .hasMessageContaining("the unit of work of thread")
        .hasMessageContaining("acquireBeforeTheRemoteCall");
    assertThat(remoteCalls).hasValue(0);
  }

  @Test
  @DisplayName("a connection held by an unrelated thread does not trip this thread's guard")
  void otherThreadsConnectionsDoNotCount() throws Exception {
    ForecastPort guarded = guard(GuardMode.STRICT);
    try (Connection held = acquireBeforeTheRemoteCall()) {
      Thread.ofVirtual().start(() -> guarded.forecast("Oslo", 1)).join();
    }
    assertThat(remoteCalls).hasValue(1);
    assertThat(db.tracker.guardViolations()).isZero();
  }

  @Test
  @DisplayName("the port's own exceptions reach the caller unwrapped")
  void delegateExceptionsPassThrough() {
    IllegalStateException failure = new IllegalStateException("down");
    ForecastPort failing =
        (city, days) -> {
          throw failure;
        };
    ForecastPort guarded =
        LongCallGuard.guard(ForecastPort.class, failing, db.tracker, GuardMode.STRICT);

    assertThatThrownBy(() -> guarded.forecast("Oslo", 1)).isSameAs(failure);
  }

  @Test
  @DisplayName("only interfaces can be guarded; plain objects do not read as guarded")
  void rejectsClasses() {
    assertThatThrownBy(
            () -> LongCallGuard.guard(Object.class, new Object(), db.tracker, GuardMode.STRICT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an interface");
    assertThat(LongCallGuard.isGuarded(remote)).isFalse();
    assertThat(LongCallGuard.isGuarded(null)).isFalse();
    assertThat(guard(GuardMode.STRICT).toString()).startsWith("guarded(");
  }

  private ForecastPort guard(GuardMode mode) {
    return LongCallGuard.guard(ForecastPort.class, remote, db.tracker, mode);
  }

  private static String callFromANamedMethod(ForecastPort port) {
    return port.forecast("Bergen", 3);
  }

  /** The deliberate violation: a "transaction" still open when the remote call starts. */
  private Connection acquireBeforeTheRemoteCall() {
    return db.open();
  }
}
