package dev.shortlease.bootstrap;

import dev.shortlease.domain.port.AnswerSpoolPort;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Inject;

/**
 * Composition root: answers waiting in the spool for the database, on {@code /metrics} as {@code
 * shortlease_answers_spooled}. Above zero for long, an answer cannot be written (the log says why):
 * the one state of rule R5 that needs a person, so it must be something to alert on.
 */
final class SpooledAnswersGauge {
  static final String NAME = "shortlease.answers.spooled";

  @Inject
  SpooledAnswersGauge(MeterRegistry registry, AnswerSpoolPort spool) {
    Gauge.builder(NAME, spool, AnswerSpoolPort::waiting)
        .description("answers kept in the spool until the database takes them")
        .register(registry);
  }
}
