package dev.shortlease.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.benchmark.service.ServiceLaunch;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ModeTest {

  @Test
  @DisplayName("every mode parses back from its label; an unknown one lists the known modes")
  void labelsRoundTrip() {
    for (Mode mode : Mode.values()) {
      assertThat(Mode.parse(" " + mode.label().toUpperCase() + " ")).isEqualTo(mode);
      assertThat(mode.label()).doesNotContain("_");
    }
    assertThatThrownBy(() -> Mode.parse("flor"))
        .hasMessageContaining("unknown mode 'flor'")
        .hasMessageContaining("floor");
  }

  @Test
  @DisplayName(
      "the service's modes use its admin API; the floor has none: seeded app, pool from metrics")
  void launchesSayWhatEachServiceAnswers() {
    assertThat(Mode.SCOPED.launch().adminPool()).isTrue();
    assertThat(Mode.SCOPED.launch().apps()).isEqualTo(ServiceLaunch.Apps.ADMIN_API);
    assertThat(Mode.SCOPED.launch().env()).containsEntry("GUARD_MODE", "strict");
    assertThat(Mode.HELD.launch().env()).containsEntry("GUARD_MODE", "warn");
    assertThat(Mode.SPRING_OSIV.launch().env()).containsEntry("PEER_RESPONSE", "emitter");
    assertThat(Mode.SPRING_OSIV_BODY.launch().env()).containsEntry("PEER_RESPONSE", "body");
    assertThat(Mode.FLOOR.launch().adminPool()).isFalse();
    assertThat(Mode.FLOOR.launch().apps()).isEqualTo(ServiceLaunch.Apps.DATABASE_SEED);
    assertThat(Mode.FLOOR.launch().classpath().apply("a.jar:b.jar")).isEqualTo("a.jar:b.jar");
  }
}
