package dev.shortlease.bootstrap.tracing;

import dev.shortlease.bootstrap.SettingsException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Tracing's settings: the standard {@code OTEL_*} variables, handed to OpenTelemetry's
 * autoconfigure as they are. Tracing is <em>off</em> unless one of them asks for an exporter:
 * {@code OTEL_TRACES_EXPORTER} other than {@code none}, or an OTLP endpoint ({@code
 * OTEL_EXPORTER_OTLP_ENDPOINT}, {@code OTEL_EXPORTER_OTLP_TRACES_ENDPOINT}); {@code
 * OTEL_SDK_DISABLED=true} turns it off whatever else is set.
 *
 * @param variables every {@code OTEL_*} variable of the environment
 */
public record TracingSettings(Map<String, String> variables) {
  /** The exporters this build carries (autoconfigure's names). */
  static final Set<String> EXPORTERS = Set.of("otlp", "logging", "logging-otlp", "console", "none");

  public TracingSettings {
    variables = Map.copyOf(variables);
  }

  /** Tracing off. */
  public static TracingSettings off() {
    return new TracingSettings(Map.of());
  }

  /**
   * The {@code OTEL_*} variables of {@code env}; a value this service knows to be wrong fails as
   * {@link SettingsException} naming the variable (the rest autoconfigure checks at start).
   */
  public static TracingSettings fromEnvironment(Map<String, String> env) {
    Map<String, String> otel =
        env.entrySet().stream()
            .filter(e -> e.getKey().startsWith("OTEL_") && !e.getValue().isBlank())
            .collect(
                Collectors.toMap(
                    Map.Entry::getKey, e -> e.getValue().trim(), (a, b) -> a, TreeMap::new));
    String exporters = otel.get("OTEL_TRACES_EXPORTER");
    if (exporters != null) {
      for (String exporter : exporters.split(",")) {
        if (!EXPORTERS.contains(exporter.trim().toLowerCase(Locale.ROOT))) {
          throw new SettingsException(
              "OTEL_TRACES_EXPORTER",
              "names an unknown exporter '"
                  + exporter.trim()
                  + "'; this build has otlp, logging, console, logging-otlp and none");
        }
      }
    }
    for (String endpoint :
        new String[] {"OTEL_EXPORTER_OTLP_ENDPOINT", "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT"}) {
      String url = otel.get(endpoint);
      if (url != null && !url.startsWith("http://") && !url.startsWith("https://")) {
        throw new SettingsException(
            endpoint, "must be an http:// or https:// URL, e.g. http://collector:4318");
      }
    }
    for (String protocol :
        new String[] {"OTEL_EXPORTER_OTLP_PROTOCOL", "OTEL_EXPORTER_OTLP_TRACES_PROTOCOL"}) {
      String value = otel.get(protocol);
      if (value != null && !value.equals("http/protobuf")) {
        throw new SettingsException(
            protocol,
            "must be http/protobuf (this build sends OTLP over HTTP, port 4318; not '"
                + value
                + "')");
      }
    }
    return new TracingSettings(otel);
  }

  /** True when the variables ask for traces to be exported. */
  public boolean enabled() {
    if ("true".equalsIgnoreCase(variables.get("OTEL_SDK_DISABLED"))) {
      return false;
    }
    String exporters = variables.get("OTEL_TRACES_EXPORTER");
    if (exporters != null) {
      return !exporters.trim().equalsIgnoreCase("none");
    }
    return variables.containsKey("OTEL_EXPORTER_OTLP_ENDPOINT")
        || variables.containsKey("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT");
  }

  /**
   * The variables as autoconfigure's properties ({@code OTEL_TRACES_EXPORTER} → {@code
   * otel.traces.exporter}).
   */
  Map<String, String> properties() {
    return variables.entrySet().stream()
        .collect(
            Collectors.toMap(
                e -> e.getKey().toLowerCase(Locale.ROOT).replace('_', '.'), Map.Entry::getValue));
  }

  /** Never prints header values (OTEL_EXPORTER_OTLP_HEADERS may carry an API key). */
  @Override
  public String toString() {
    return "TracingSettings[enabled="
        + enabled()
        + ", "
        + variables.entrySet().stream()
            .map(e -> e.getKey() + "=" + (e.getKey().contains("HEADERS") ? "****" : e.getValue()))
            .collect(Collectors.joining(", "))
        + "]";
  }
}
