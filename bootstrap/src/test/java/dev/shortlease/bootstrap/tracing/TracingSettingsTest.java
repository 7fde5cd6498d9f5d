package dev.shortlease.bootstrap.tracing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TracingSettingsTest {

  private static boolean enabled(Map<String, String> env) {
    return TracingSettings.fromEnvironment(env).enabled();
  }

  @Test
  @DisplayName("off unless an exporter or an OTLP endpoint is set; none and OTEL_SDK_DISABLED win")
  void offUnlessConfigured() {
    assertThat(enabled(Map.of())).isFalse();
    assertThat(enabled(Map.of("OTEL_SERVICE_NAME", "chat"))).isFalse();
    assertThat(enabled(Map.of("OTEL_TRACES_EXPORTER", "none"))).isFalse();
    assertThat(enabled(Map.of("OTEL_TRACES_EXPORTER", "logging"))).isTrue();
    assertThat(enabled(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "http://collector:4318"))).isTrue();
    assertThat(enabled(Map.of("OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://c:4318/v1/traces")))
        .isTrue();
    assertThat(enabled(Map.of("OTEL_TRACES_EXPORTER", "otlp", "OTEL_SDK_DISABLED", "true")))
        .isFalse();
  }

  @Test
  @DisplayName("an unknown exporter or an endpoint that is no http URL fails naming the variable")
  void badValuesFailNamingTheVariable() {
    assertThatThrownBy(() -> enabled(Map.of("OTEL_TRACES_EXPORTER", "zipkin")))
        .hasMessageStartingWith("OTEL_TRACES_EXPORTER names an unknown exporter 'zipkin'");
    assertThatThrownBy(() -> enabled(Map.of("OTEL_EXPORTER_OTLP_ENDPOINT", "collector:4318")))
        .hasMessageStartingWith("OTEL_EXPORTER_OTLP_ENDPOINT must be an http:// or https:// URL");
    assertThatThrownBy(() -> enabled(Map.of("OTEL_EXPORTER_OTLP_PROTOCOL", "grpc")))
        .hasMessageStartingWith("OTEL_EXPORTER_OTLP_PROTOCOL must be http/protobuf");
  }

  @Test
  @DisplayName("variables become autoconfigure's properties; headers are never printed")
  void propertiesAndRedaction() {
    TracingSettings settings =
        TracingSettings.fromEnvironment(
            Map.of(
                "OTEL_TRACES_EXPORTER", "otlp",
                "OTEL_EXPORTER_OTLP_HEADERS", "api-key=secret",
                "PATH", "/bin"));
    assertThat(settings.properties())
        .containsEntry("otel.traces.exporter", "otlp")
        .containsEntry("otel.exporter.otlp.headers", "api-key=secret")
        .hasSize(2);
    assertThat(settings.toString()).doesNotContain("secret").contains("OTEL_TRACES_EXPORTER=otlp");
  }
}
