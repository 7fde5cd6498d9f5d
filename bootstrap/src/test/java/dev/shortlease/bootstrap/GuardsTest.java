package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.adapter.llm.LlmSettings;
import dev.shortlease.adapter.persistence.tracking.ConnectionTracker;
import dev.shortlease.application.agent.Tool;
import dev.shortlease.application.agent.ToolInvocation;
import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.port.out.FinishReason;
import dev.shortlease.application.port.out.ModelReply;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.application.port.out.ToolArguments;
import dev.shortlease.bootstrap.guard.ConnectionHeldDuringLongCallException;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.EndUserId;
import dev.shortlease.domain.Owner;
import java.sql.Connection;
import java.util.List;
import java.util.UUID;
import java.util.function.IntSupplier;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The service's composition really applies the guards: removing them fails these tests. */
class GuardsTest {
  private final ConnectionTracker tracker = new ConnectionTracker();
  private final DataSource dataSource = tracked();
  private final ChatModelPort raw =
      (request, tokens, stop) -> new ModelReply("ok", List.of(), null, FinishReason.STOP);

  @Test
  @DisplayName("the model port the application receives is guarded, strict by default")
  void modelPortIsGuarded() throws Exception {
    ChatModelPort model =
        new GuardModule(LlmSettings.simulated(), "strict").guardedModel(raw, tracker);

    try (Connection held = dataSource.getConnection()) {
      assertThatThrownBy(() -> model.chat(null, token -> {}, StopSignal.never()))
          .isInstanceOf(ConnectionHeldDuringLongCallException.class);
    }
    assertThat(model.chat(null, token -> {}, StopSignal.never()).text()).isEqualTo("ok");
  }

  @Test
  @DisplayName("GUARD_MODE=warn lets the call through and counts it")
  void warnModeCounts() throws Exception {
    ChatModelPort model =
        new GuardModule(LlmSettings.simulated(), "warn").guardedModel(raw, tracker);

    try (Connection held = dataSource.getConnection()) {
      assertThat(model.chat(null, token -> {}, StopSignal.never()).text()).isEqualTo("ok");
    }
    assertThat(tracker.guardViolations()).isEqualTo(1);
  }

  @Test
  @DisplayName("agent tools are guarded too")
  void toolsAreGuarded() throws Exception {
    Tool clock = new GuardModule(LlmSettings.simulated(), "strict").currentTime(tracker);
    ToolInvocation invocation =
        new ToolInvocation(new Owner(AppId.random(), EndUserId.random()), ToolArguments.NONE);

    try (Connection held = dataSource.getConnection()) {
      assertThatThrownBy(() -> clock.call(invocation))
          .isInstanceOf(ConnectionHeldDuringLongCallException.class);
    }
  }

  @Test
  @DisplayName("use cases are leak-checked")
  void useCasesAreLeakChecked() {
    IntSupplier leaky =
        () -> {
          try {
            dataSource.getConnection(); // deliberately never closed
            return 1;
          } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
          }
        };

    Guards.leakChecked(IntSupplier.class, leaky, tracker).getAsInt();

    assertThat(tracker.leaks()).isEqualTo(1);
  }

  private DataSource tracked() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:guards-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return tracker.wrap(h2);
  }
}
