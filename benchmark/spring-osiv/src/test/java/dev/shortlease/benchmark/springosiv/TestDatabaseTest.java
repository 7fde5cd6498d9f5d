package dev.shortlease.benchmark.springosiv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class TestDatabaseTest {

  @Test
  void usesTestDatabaseUrl() {
    assertThat(TestDatabase.requireUrl(Map.of("TEST_DATABASE_URL", " jdbc:postgresql://h/db ")))
        .isEqualTo("jdbc:postgresql://h/db");
  }

  @Test
  void withoutADatabaseTheTestIsSkippedWithTheNotice() {
    assertThatThrownBy(() -> TestDatabase.requireUrl(Map.of()))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageStartingWith(TestDatabase.SKIP_NOTICE);
  }

  @Test
  void underCiAMissingDatabaseFails() {
    assertThatThrownBy(() -> TestDatabase.requireUrl(Map.of("CI", "true")))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("TEST_DATABASE_URL");
  }
}
