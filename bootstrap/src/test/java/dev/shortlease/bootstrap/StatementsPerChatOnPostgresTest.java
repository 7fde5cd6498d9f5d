package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link StatementsPerChatTest} on PostgreSQL, where each of a steady chat's writes is one
 * statement in autocommit (ADR 0038): a change that falls back to the general path, or opens a
 * transaction around either, fails here.
 */
@PostgresTest
class StatementsPerChatOnPostgresTest {

  @Test
  @DisplayName("on PostgreSQL a steady chat is two statements and no COMMIT round trip")
  void oneStatementPerWrite() {
    Map<String, String> env = new HashMap<>(PoolProtectionTest.env(StatementsPerChatTest.STEADY));
    env.put("DATABASE_URL", PostgresTestDatabase.settings().jdbcUrl());

    StatementsPerChatTest.Counts counts = StatementsPerChatTest.measureAndClose(env);

    assertThat(counts.statements())
        .as("statements; %s", counts)
        .hasSize(2 * StatementsPerChatTest.CHATS);
    assertThat(counts.statements())
        .as("T2 and T4, each one statement")
        .allSatisfy(sql -> assertThat(sql).startsWith("with "));
    assertThat(counts.commits()).as("commits; %s", counts).isZero();
  }
}
