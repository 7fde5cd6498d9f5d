package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.read.ListAppender;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Hibernate logs no SQL error (docs/persistence.md, ADR 2), so the service's own line must say what
 * the database said: an unexpected SQL failure is logged once, under the request's ID, with its
 * SQLState and the database's message in the cause.
 */
class UnexpectedSqlFailureLogTest {

  @Test
  @DisplayName(
      "a request failing on an unexpected SQL error is logged once, with SQLState and message")
  void loggedOnceWithSqlState() throws Exception {
    String url = "jdbc:h2:mem:sl-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    try (ShortleaseServer server = TestServers.simulated(Map.of("DATABASE_URL", url))) {
      Api api = new Api(server);
      Api.AppKey app = api.createApp("chat");
      assertThat(
              api.post("/v1/chat-messages", app.key(), Api.chat("u", "Hi", "blocking", null))
                  .status())
          .isEqualTo(200);
      try (Connection c = DriverManager.getConnection(url)) {
        c.createStatement().execute("alter table conversation rename to conversation_gone");
      }
      log.start();
      root.addAppender(log);
      Api.Reply failed;
      try {
        failed = api.get("/v1/conversations?user=u", app.key());
      } finally {
        root.detachAppender(log);
      }

      assertThat(failed.status()).isEqualTo(500);
      String requestId = failed.raw().headers().firstValue("X-Request-Id").orElseThrow();
      List<ILoggingEvent> warnings =
          log.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN)).toList();
      assertThat(warnings)
          .as("one line, the service's: %s", warnings.stream().map(this::line).toList())
          .singleElement()
          .satisfies(
              e -> {
                assertThat(e.getFormattedMessage()).contains(requestId);
                assertThat(causes(e.getThrowableProxy()))
                    .containsPattern("SQLState 42[A-Z0-9]{3}: ")
                    .containsIgnoringCase("conversation");
              });
    }
  }

  private String line(ILoggingEvent e) {
    return e.getLoggerName() + ": " + e.getFormattedMessage();
  }

  private static String causes(IThrowableProxy proxy) {
    StringBuilder text = new StringBuilder();
    for (IThrowableProxy p = proxy; p != null; p = p.getCause()) {
      text.append(p.getClassName()).append(": ").append(p.getMessage()).append('\n');
    }
    return text.toString();
  }
}
