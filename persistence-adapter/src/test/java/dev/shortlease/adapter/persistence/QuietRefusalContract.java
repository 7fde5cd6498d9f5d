package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.shortlease.domain.AnnotationText;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.NewTurn;
import dev.shortlease.domain.NotFoundException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A foreign-key refusal the adapter answers as "not found" is a client's outcome, not an error:
 * nothing logs it above DEBUG. An unexpected SQL failure is left to the caller's log, once, and
 * says its SQLState and the database's message (docs/persistence.md, ADR 2).
 */
abstract class QuietRefusalContract {
  private final ListAppender<ILoggingEvent> log = new ListAppender<>();
  private final Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);

  private PersistenceContext context;

  protected abstract PersistenceContext context();

  /** The context first: without a database the test is skipped here, not caught as a failure. */
  @BeforeEach
  void capture() {
    context = context();
    log.start();
    root.addAppender(log);
  }

  @AfterEach
  void release() {
    root.detachAppender(log);
  }

  @Test
  @DisplayName("a turn for an app deleted meanwhile is 'app' not found, and logs no warning")
  void turnForMissingAppIsQuiet() {
    NewTurn turn = new NewTurn(AppId.random(), "user-" + UUID.randomUUID(), null, "q", Map.of());

    assertThatThrownBy(() -> context.startTurn().startTurn(turn))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.what()).isEqualTo("app"));
    assertThat(warnings()).isEmpty();
  }

  @Test
  @DisplayName("an annotation for an app deleted meanwhile is 'app' not found, and logs no warning")
  void annotationForMissingAppIsQuiet() {
    assertThatThrownBy(
            () ->
                context
                    .annotations()
                    .createAnnotation(AppId.random(), new AnnotationText("Q?", "A.")))
        .isInstanceOfSatisfying(
            NotFoundException.class, e -> assertThat(e.what()).isEqualTo("app"));
    assertThat(warnings()).isEmpty();
  }

  @Test
  @DisplayName(
      "an unexpected SQL failure leaves the adapter saying its SQLState and the database's message,"
          + " for the caller to log once")
  void unexpectedFailureSaysItsSqlState() {
    assertThatThrownBy(
            () ->
                context
                    .sessionScope()
                    .callOneStatement(
                        c ->
                            c.createStatement()
                                .executeQuery("select id from no_such_table")
                                .next()))
        .satisfies(
            e ->
                assertThat(e.toString())
                    .containsPattern("SQLState 42[A-Z0-9]{3}: ")
                    .containsIgnoringCase("no_such_table"));
    assertThat(warnings()).as("nothing logged it yet: its caller will").isEmpty();
  }

  private List<String> warnings() {
    return log.list.stream()
        .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
        .map(event -> event.getLoggerName() + ": " + event.getFormattedMessage())
        .toList();
  }
}
