package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class PersistenceSettingsTest {
  private static final PersistenceSettings OK =
      PersistenceSettings.of("jdbc:h2:mem:x", "sa", "secret");

  @Test
  @DisplayName("defaults are a small pool with short timeouts, leak detection on, a 2 s app cache")
  void defaults() {
    assertThat(OK.poolSize()).isEqualTo(10);
    assertThat(OK.connectionTimeoutMillis()).isEqualTo(3_000);
    assertThat(OK.leakDetectionThresholdMillis()).isEqualTo(10_000);
    assertThat(OK.maxLifetimeMillis()).isEqualTo(1_800_000);
    assertThat(OK.schema()).isNull();
    assertThat(OK.appCacheTtlMillis()).isEqualTo(2_000);
    assertThat(OK.withAppCacheTtlMillis(0).appCacheTtlMillis()).as("0 = no cache").isZero();
    assertThat(OK.toString()).doesNotContain("secret");
  }

  @Test
  @DisplayName("settings HikariCP would reject are refused up front")
  void invalidSettingsAreRefused() {
    assertThatIllegalArgumentException()
        .isThrownBy(() -> PersistenceSettings.of("postgres://x", null, null));
    assertThatIllegalArgumentException().isThrownBy(() -> OK.withPoolSize(0));
    assertThatIllegalArgumentException().isThrownBy(() -> OK.withConnectionTimeoutMillis(100));
    assertThatIllegalArgumentException().isThrownBy(() -> OK.withSchema("x; drop table app"));
    assertThatIllegalArgumentException().isThrownBy(() -> OK.withAppCacheTtlMillis(-1));
    assertThatIllegalArgumentException().isThrownBy(() -> new StatementTimeouts(-1, 5_000));
    assertThatIllegalArgumentException()
        .isThrownBy(() -> new StatementTimeouts(30_000, Integer.MAX_VALUE + 1L));
    assertThatIllegalArgumentException().isThrownBy(() -> OK.withAppCacheTtlMillis(10_001));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new PersistenceSettings(
                    "jdbc:h2:mem:x",
                    null,
                    null,
                    10,
                    3000,
                    500,
                    0,
                    null,
                    0,
                    StatementTimeouts.DEFAULTS,
                    0,
                    1));
    assertThatIllegalArgumentException()
        .isThrownBy(
            () ->
                new PersistenceSettings(
                    "jdbc:h2:mem:x",
                    null,
                    null,
                    10,
                    3000,
                    0,
                    1000,
                    null,
                    0,
                    StatementTimeouts.DEFAULTS,
                    0,
                    1));
    assertThatIllegalArgumentException()
        .as("the reserve must leave ordinary work a connection")
        .isThrownBy(
            () ->
                new PersistenceSettings(
                    "jdbc:h2:mem:x",
                    null,
                    null,
                    2,
                    3000,
                    0,
                    0,
                    null,
                    0,
                    StatementTimeouts.DEFAULTS,
                    0,
                    2));
    assertThatIllegalArgumentException().isThrownBy(() -> OK.withUnknownKeyCacheMillis(-1));
  }

  @Test
  @DisplayName("a URL is printed without its credentials, keeping what helps diagnose")
  void urlsAreRedacted() {
    PersistenceSettings settings =
        PersistenceSettings.of(
            "jdbc:postgresql://db:5432/app?user=svc&password=Pa55-w0rd&sslmode=require"
                + "&sslpassword=k3y-pass&apiToken=t0ken",
            "svc",
            "other");

    assertThat(settings.toString())
        .contains("jdbc:postgresql://db:5432/app?user=svc&password=****&sslmode=require")
        .doesNotContain("Pa55-w0rd")
        .doesNotContain("k3y-pass")
        .doesNotContain("t0ken")
        .doesNotContain("other");
    assertThat(PersistenceSettings.redacted("jdbc:postgresql://svc:Pa55@db/app"))
        .isEqualTo("jdbc:postgresql://****@db/app");
    assertThat(PersistenceSettings.redacted("jdbc:h2:file:./d;USER=sa;PASSWORD=Pa55;MODE=x"))
        .isEqualTo("jdbc:h2:file:./d;USER=sa;PASSWORD=****;MODE=x");
  }
}
