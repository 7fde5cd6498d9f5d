package dev.shortlease.application.agent;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** Demo tool {@code current_time}: the current date and time, optionally in a given time zone. */
public final class CurrentTimeTool implements Tool {
  private final Clock clock;

  @Inject
  public CurrentTimeTool() {
    this(Clock.systemUTC());
  }

  CurrentTimeTool(Clock clock) {
    this.clock = clock;
  }

  @Override
  public String name() {
    return "current_time";
  }

  @Override
  public String description() {
    return "Returns the current date and time (ISO 8601), in UTC or in the given IANA time zone.";
  }

  @Override
  public Map<String, Object> parameters() {
    return Map.of(
        "type",
        "object",
        "properties",
        Map.of(
            "timezone",
            Map.of(
                "type", "string",
                "description", "IANA time zone, e.g. Europe/Paris; UTC when omitted")));
  }

  @Override
  public String call(ToolInvocation invocation) {
    ZoneId zone =
        invocation
            .stringArgument("timezone")
            .filter(z -> !z.isBlank())
            .map(CurrentTimeTool::zone)
            .orElse(ZoneOffset.UTC);
    return ZonedDateTime.now(clock.withZone(zone)).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  private static ZoneId zone(String id) {
    try {
      return ZoneId.of(id);
    } catch (DateTimeException e) {
      throw new IllegalArgumentException("unknown time zone: " + id);
    }
  }
}
