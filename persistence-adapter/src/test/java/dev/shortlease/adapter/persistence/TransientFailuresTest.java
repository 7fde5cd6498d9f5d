package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransientFailuresTest {

  @ParameterizedTest
  @ValueSource(strings = {"08001", "08003", "08006", "57P01", "57P02", "57P03", "40001", "40P01"})
  @DisplayName("lost or refused connections, admin shutdown, serialization and deadlock retry")
  void transientStates(String state) {
    RuntimeException wrapped =
        new RuntimeException("hibernate", new RuntimeException(new SQLException("x", state)));
    assertThat(TransientFailures.reason(wrapped)).get().asString().contains(state);
  }

  @ParameterizedTest
  @ValueSource(strings = {"57014", "55P03", "HYT00"})
  @DisplayName(
      "statement and lock timeouts (PostgreSQL, and H2's lock timeout) retry: a busy database")
  void timeouts(String state) {
    RuntimeException wrapped = new RuntimeException(new SQLException("x", state));
    assertThat(TransientFailures.reason(wrapped)).get().asString().contains("timeout", state);
  }

  @ParameterizedTest
  @ValueSource(strings = {"23505", "23503", "42P01", "22001"})
  @DisplayName("constraint, schema and data failures are not retried")
  void permanentStates(String state) {
    assertThat(TransientFailures.reason(new RuntimeException(new SQLException("x", state))))
        .isEmpty();
  }

  @Test
  @DisplayName("only the acquire timeout means no connection was lent (so nothing ran)")
  void noConnection() {
    assertThat(
            TransientFailures.noConnection(
                new RuntimeException(new SQLTransientConnectionException("timed out"))))
        .isTrue();
    assertThat(TransientFailures.noConnection(new RuntimeException(new SQLException("x", "08006"))))
        .as("a connection lost mid-transaction")
        .isFalse();
    assertThat(TransientFailures.noConnection(new RuntimeException("plain"))).isFalse();
  }

  @Test
  @DisplayName("HikariCP's acquire timeout is transient, a plain exception is not")
  void acquireTimeout() {
    assertThat(
            TransientFailures.reason(
                new RuntimeException(new SQLTransientConnectionException("timed out"))))
        .isPresent();
    assertThat(TransientFailures.reason(new IllegalStateException("bug"))).isEmpty();
    assertThat(TransientFailures.reason(new SQLException("no state"))).isEmpty();
  }
}
