package dev.shortlease.adapter.persistence.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase.PlanKind;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PostgresTestDatabaseTest {

  @Test
  @DisplayName("TEST_DATABASE_URL wins, and Docker is not even asked")
  void urlWins() {
    var plan =
        PostgresTestDatabase.plan(
            Map.of("TEST_DATABASE_URL", " jdbc:postgresql://db/test "),
            () -> {
              throw new AssertionError("Docker probed although a URL is set");
            });
    assertThat(plan.kind()).isEqualTo(PlanKind.URL);
    assertThat(plan.url()).isEqualTo("jdbc:postgresql://db/test");
  }

  @Test
  @DisplayName("without a URL, Docker decides between a container and a skip that says what to set")
  void withoutUrl() {
    assertThat(PostgresTestDatabase.plan(Map.of(), () -> true).kind())
        .isEqualTo(PlanKind.CONTAINER);
    var skip = PostgresTestDatabase.plan(Map.of("TEST_DATABASE_URL", " "), () -> false);
    assertThat(skip.kind()).isEqualTo(PlanKind.NONE);
    assertThat(skip.reason())
        .contains("TEST_DATABASE_URL is not set and Docker is not available")
        .contains("set TEST_DATABASE_URL=jdbc:postgresql://");
  }

  @Test
  @DisplayName("only CI=true counts as CI")
  void ciFlag() {
    assertThat(PostgresTestDatabase.isCi(Map.of("CI", "TRUE"))).isTrue();
    assertThat(PostgresTestDatabase.isCi(Map.of("CI", ""))).isFalse();
    assertThat(PostgresTestDatabase.isCi(Map.of())).isFalse();
  }

  @Test
  @DisplayName("a test not marked @PostgresTest cannot get a PostgreSQL database")
  void untaggedCallerIsRefused() {
    assertThatThrownBy(PostgresTestDatabase::settings)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("@PostgresTest");
  }
}
