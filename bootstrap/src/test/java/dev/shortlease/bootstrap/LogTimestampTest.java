package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.TimeZone;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Log lines carry the date and the time in UTC, marked {@code Z}, whatever the JVM's zone: the same
 * clock as every time of the API, the database and the metrics, so a line can be matched to them.
 */
class LogTimestampTest {
  // 2026-11-01 01:30 in New York, the hour that happens twice; 13:30 in Shanghai.
  private static final Instant AT = Instant.parse("2026-11-01T05:30:00.123Z");

  @Test
  @DisplayName("the service's logback.xml stamps lines in UTC with the date, in any JVM zone")
  void serviceLogIsUtc() throws Exception {
    URL config = Main.class.getResource("/logback.xml");
    assertThat(lineAt(config, "Asia/Shanghai")).startsWith("2026-11-01T05:30:00.123Z INFO");
    assertThat(lineAt(config, "America/New_York")).startsWith("2026-11-01T05:30:00.123Z INFO");
  }

  @Test
  @DisplayName("the archetype's logback.xml does the same")
  void archetypeLogIsUtc() throws Exception {
    Path config =
        Path.of(System.getProperty("user.dir"))
            .getParent()
            .resolve("archetype/src/main/resources/archetype-resources/bootstrap")
            .resolve("src/main/resources/logback.xml");
    assertThat(lineAt(config.toUri().toURL(), "Asia/Shanghai"))
        .startsWith("2026-11-01T05:30:00.123Z INFO");
  }

  /** The line {@code config}'s STDOUT appender writes for an event at {@link #AT}. */
  private static String lineAt(URL config, String zone) throws Exception {
    TimeZone before = TimeZone.getDefault();
    TimeZone.setDefault(TimeZone.getTimeZone(zone));
    LoggerContext context = new LoggerContext();
    try {
      JoranConfigurator configurator = new JoranConfigurator();
      configurator.setContext(context);
      configurator.doConfigure(config);
      var appender = (OutputStreamAppender<?>) context.getLogger("ROOT").getAppender("STDOUT");
      var encoder = (PatternLayoutEncoder) appender.getEncoder();
      LoggingEvent event = new LoggingEvent();
      event.setLoggerName("dev.shortlease.Probe");
      event.setLevel(Level.INFO);
      event.setMessage("ready");
      event.setInstant(AT);
      return new String(encoder.encode(event), StandardCharsets.UTF_8);
    } finally {
      context.stop();
      TimeZone.setDefault(before);
    }
  }
}
