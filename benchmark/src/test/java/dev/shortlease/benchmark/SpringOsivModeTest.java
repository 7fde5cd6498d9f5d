package dev.shortlease.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SpringOsivModeTest {

  @Test
  void labelsAreWhatBenchModesAcceptsAndTheReportShows() {
    assertThat(Mode.parse(" spring-osiv ")).isEqualTo(Mode.SPRING_OSIV);
    assertThat(Mode.SPRING_OSIV.label()).isEqualTo("spring-osiv");
    assertThat(Mode.parse("spring-osiv-body")).isEqualTo(Mode.SPRING_OSIV_BODY);
    for (Mode mode : Mode.values()) {
      assertThat(Mode.parse(mode.label())).isEqualTo(mode);
    }
  }
}
