package dev.shortlease.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.StorageUnavailableException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The details ErrorMapping logs come from providers and databases: each stays one log line. */
class ErrorLogLinesTest {
  private static final String FORGED = "\r\n12:00:00.000 [main] INFO  admin -- granted";

  @Test
  @DisplayName("a provider's or a database's text with CR/LF is logged escaped, on one line")
  void detailsStayOnOneLine() {
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger logger = (Logger) LoggerFactory.getLogger(ErrorMapping.class);
    log.start();
    logger.addAppender(log);
    try {
      ErrorMapping.of(new ModelException(ModelErrorKind.REQUEST_FAILED, "down" + FORGED), "r1");
      ErrorMapping.of(
          new StorageUnavailableException("refused", new SQLException("value" + FORGED)), "r2");
      ErrorMapping.logRunFailure(
          "r3",
          new StubRun(AppMode.CHAT),
          ChatEvent.Failed.model(ModelErrorKind.RATE_LIMITED, "slow" + FORGED));
    } finally {
      logger.detachAppender(log);
    }
    List<String> lines = log.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
    assertThat(lines).hasSize(3);
    assertThat(lines)
        .allSatisfy(
            line ->
                assertThat(line).doesNotContain("\n", "\r").contains("\\r\\n12:00:00.000 [main]"));
  }
}
