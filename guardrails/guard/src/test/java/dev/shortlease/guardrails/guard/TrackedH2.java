package dev.shortlease.guardrails.guard;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.LoggerFactory;

/** Test support: an in-memory H2 database seen through a fresh {@link ConnectionTracker}. */
final class TrackedH2 {
  final ConnectionTracker tracker =
      ConnectionTracker.builder().name("test").applicationPackages("dev.shortlease.").build();
  final DataSource dataSource;

  TrackedH2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:guard-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    dataSource = tracker.wrap(h2);
  }

  Connection open() {
    try {
      return dataSource.getConnection();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Captures what {@code type} logs until the returned appender is stopped. */
  static ListAppender<ILoggingEvent> captureLogs(Class<?> type) {
    Logger logger = (Logger) LoggerFactory.getLogger(type);
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.setContext(logger.getLoggerContext());
    appender.start();
    logger.addAppender(appender);
    return appender;
  }

  static List<String> warnings(ListAppender<ILoggingEvent> appender) {
    return appender.list.stream()
        .filter(event -> event.getLevel() == Level.WARN)
        .map(ILoggingEvent::getFormattedMessage)
        .toList();
  }
}
