package dev.shortlease.bootstrap.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.shortlease.application.agent.CurrentTimeTool;
import dev.shortlease.application.agent.Tool;
import dev.shortlease.application.agent.ToolInvocation;
import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.port.out.FinishReason;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.application.port.out.ModelReply;
import dev.shortlease.application.port.out.PoolMonitorPort;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.application.port.out.ToolArguments;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.EndUserId;
import dev.shortlease.domain.Owner;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LongCallGuardTest {
  private static final ModelReply OK = new ModelReply("hi", List.of(), null, FinishReason.STOP);

  private static final Owner OWNER = new Owner(AppId.random(), EndUserId.random());

  private final TrackedH2 db = new TrackedH2();
  private final AtomicInteger modelCalls = new AtomicInteger();
  private final ChatModelPort model =
      (request, tokens, stop) -> {
        modelCalls.incrementAndGet();
        return OK;
      };
  private final ListAppender<ILoggingEvent> logs = TrackedH2.captureLogs(LongCallGuard.class);

  @AfterEach
  void stopCapturing() {
    logs.stop();
  }

  @Test
  @DisplayName("strict mode throws before the model runs, naming the port method and the acquirer")
  void strictModeThrowsWhenAConnectionIsHeld() throws SQLException {
    ChatModelPort guarded =
        LongCallGuard.guard(ChatModelPort.class, model, db.tracker, GuardMode.STRICT);

    try (Connection held = acquireBeforeCallingTheModel()) {
      assertThatThrownBy(() -> guarded.chat(null, token -> {}, StopSignal.never()))
          .isInstanceOf(ConnectionHeldDuringLongCallException.class)
          .hasMessageContaining("ChatModelPort.chat(ModelRequest, TokenSink, StopSignal)")
          .hasMessageContaining("holds 1 pooled connection")
          .hasMessageContaining("LongCallGuardTest.acquireBeforeCallingTheModel");
    }
    assertThat(modelCalls).hasValue(0);
    assertThat(db.tracker.guardViolations()).isEqualTo(1);
  }

  @Test
  @DisplayName("warn mode logs the same text, counts the violation and lets the call through")
  void warnModeLogsAndCounts() throws SQLException {
    ChatModelPort guarded =
        LongCallGuard.guard(ChatModelPort.class, model, db.tracker, GuardMode.WARN);

    try (Connection held = acquireBeforeCallingTheModel()) {
      assertThat(guarded.chat(null, token -> {}, StopSignal.never())).isSameAs(OK);
    }
    assertThat(modelCalls).hasValue(1);
    assertThat(db.tracker.guardViolations()).isEqualTo(1);
    assertThat(TrackedH2.warnings(logs))
        .singleElement()
        .asString()
        .contains("Rule R3", "ChatModelPort.chat(", "acquireBeforeCallingTheModel");
  }

  @Test
  @DisplayName("no connection held: the call goes through silently in either mode")
  void noConnectionNoViolation() throws SQLException {
    for (GuardMode mode : GuardMode.values()) {
      ChatModelPort guarded = LongCallGuard.guard(ChatModelPort.class, model, db.tracker, mode);
      acquireBeforeCallingTheModel().close(); // a finished short transaction is fine

      assertThat(guarded.chat(null, token -> {}, StopSignal.never())).isSameAs(OK);
    }
    assertThat(modelCalls).hasValue(2);
    assertThat(db.tracker.guardViolations()).isZero();
    assertThat(TrackedH2.warnings(logs)).isEmpty();
  }

  @Test
  @DisplayName(
      "a connection the request thread holds trips the guard on the thread its use case started")
  void requestHeldConnectionTripsGenerationThread() throws Exception {
    ChatModelPort guarded =
        LongCallGuard.guard(ChatModelPort.class, model, db.tracker, GuardMode.STRICT);
    AtomicReference<Throwable> thrown = new AtomicReference<>();
    try (var request = db.tracker.beginUnitOfWork();
        Connection held = acquireBeforeCallingTheModel()) {
      Thread generation =
          Thread.ofVirtual()
              .start(
                  () -> {
                    try {
                      guarded.chat(null, t -> {}, StopSignal.never());
                    } catch (RuntimeException e) {
                      thrown.set(e);
                    }
                  });
      generation.join();
    }
    assertThat(thrown.get())
        .isInstanceOf(ConnectionHeldDuringLongCallException.class)
        .hasMessageContaining("the unit of work of thread")
        .hasMessageContaining("acquireBeforeCallingTheModel");
    assertThat(modelCalls).hasValue(0);
    assertThat(db.tracker.guardViolations()).isEqualTo(1);
  }

  @Test
  @DisplayName("a connection held by an unrelated thread does not trip this thread's guard")
  void otherThreadsConnectionsDoNotCount() throws Exception {
    ChatModelPort guarded =
        LongCallGuard.guard(ChatModelPort.class, model, db.tracker, GuardMode.STRICT);
    try (Connection held = acquireBeforeCallingTheModel()) {
      Thread worker = Thread.ofVirtual().start(() -> guarded.chat(null, t -> {}, null));
      worker.join();
    }
    assertThat(modelCalls).hasValue(1);
    assertThat(db.tracker.guardViolations()).isZero();
  }

  @Test
  @DisplayName("the port's own exceptions reach the caller unwrapped")
  void delegateExceptionsPassThrough() {
    ModelException failure = new ModelException(ModelErrorKind.RATE_LIMITED, "down");
    ChatModelPort failing =
        (request, tokens, stop) -> {
          throw failure;
        };
    ChatModelPort guarded =
        LongCallGuard.guard(ChatModelPort.class, failing, db.tracker, GuardMode.STRICT);

    assertThatThrownBy(() -> guarded.chat(null, token -> {}, null)).isSameAs(failure);
  }

  @Test
  @DisplayName("a guarded tool refuses to run while the agent's thread holds a connection")
  void toolsAreGuardedToo() throws SQLException {
    Tool clock = new CurrentTimeTool();
    Tool guarded =
        LongCallGuard.guardTools(List.of(clock), db.tracker, GuardMode.STRICT).iterator().next();
    ToolInvocation invocation = new ToolInvocation(OWNER, ToolArguments.NONE);

    assertThat(guarded.call(invocation)).isNotBlank();
    try (Connection held = acquireBeforeCallingTheModel()) {
      assertThatThrownBy(() -> guarded.call(invocation))
          .isInstanceOf(ConnectionHeldDuringLongCallException.class)
          .hasMessageContaining("Tool.call(ToolInvocation)");
    }
    assertThat(db.tracker.guardViolations()).isEqualTo(1);
  }

  @Test
  @DisplayName("long-call ports are recognised by their annotation; other ports are not")
  void recognisesLongCallPorts() {
    assertThat(LongCallGuard.isLongCall(ChatModelPort.class)).isTrue();
    assertThat(LongCallGuard.isLongCall(PoolMonitorPort.class)).isFalse();
  }

  @Test
  @DisplayName("only interfaces can be guarded")
  void rejectsClasses() {
    assertThatThrownBy(
            () -> LongCallGuard.guard(Object.class, new Object(), db.tracker, GuardMode.STRICT))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("not an interface");
  }

  /** The deliberate violation: a "transaction" still open when the model is called. */
  private Connection acquireBeforeCallingTheModel() throws SQLException {
    return db.dataSource.getConnection();
  }
}
