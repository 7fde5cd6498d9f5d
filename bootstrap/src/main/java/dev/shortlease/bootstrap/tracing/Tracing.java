package dev.shortlease.bootstrap.tracing;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.autoconfigure.AutoConfiguredOpenTelemetrySdk;
import io.opentelemetry.sdk.resources.Resource;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.SdkTracerProviderBuilder;
import io.opentelemetry.sdk.trace.SpanProcessor;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Tracing: the service's OpenTelemetry, or none. {@link #start} builds the SDK through
 * autoconfigure from the {@code OTEL_*} variables when they ask for an exporter; otherwise {@link
 * #off()}: no SDK, no exporter thread, and the composition root installs no span decorator at all,
 * so the hot path runs exactly as without tracing. When on, every ended span also goes to {@link
 * #recent()} for an in-process timeline.
 */
public final class Tracing implements AutoCloseable {
  /** The instrumentation scope of every span this service creates. */
  public static final String SCOPE = "dev.shortlease";

  private static final AttributeKey<String> SERVICE_NAME = AttributeKey.stringKey("service.name");
  private static final Tracing OFF = new Tracing(OpenTelemetry.noop(), null, null);

  private final OpenTelemetry openTelemetry;
  private final OpenTelemetrySdk sdk; // null when off
  private final RecentSpans recent; // null when off
  private final Tracer tracer;

  private Tracing(OpenTelemetry openTelemetry, OpenTelemetrySdk sdk, RecentSpans recent) {
    this.openTelemetry = openTelemetry;
    this.sdk = sdk;
    this.recent = recent;
    this.tracer = openTelemetry.getTracer(SCOPE);
  }

  /** No tracing: nothing is created, nothing is decorated. */
  public static Tracing off() {
    return OFF;
  }

  /**
   * Tracing as {@code settings} ask: the autoconfigured SDK (exporter, sampler, resource from the
   * {@code OTEL_*} variables; OTLP over HTTP, metrics and logs exporters off, service name {@code
   * shortlease} unless set), or {@link #off()}. Fails with autoconfigure's message when a variable
   * is wrong.
   */
  public static Tracing start(TracingSettings settings) {
    Objects.requireNonNull(settings, "settings");
    if (!settings.enabled()) {
      return OFF;
    }
    RecentSpans recent = new RecentSpans();
    OpenTelemetrySdk sdk =
        AutoConfiguredOpenTelemetrySdk.builder()
            .addPropertiesSupplier(
                () ->
                    Map.of(
                        "otel.service.name", "shortlease",
                        // the JDK sender speaks OTLP over HTTP only (autoconfigure's default is
                        // gRPC)
                        "otel.exporter.otlp.protocol", "http/protobuf",
                        "otel.metrics.exporter", "none",
                        "otel.logs.exporter", "none"))
            // the variables as Settings read them win over the process environment
            .addPropertiesCustomizer(config -> settings.properties())
            .addTracerProviderCustomizer((provider, config) -> provider.addSpanProcessor(recent))
            .disableShutdownHook() // the server flushes on close, after its last span
            .build()
            .getOpenTelemetrySdk();
    return new Tracing(sdk, sdk, recent);
  }

  /**
   * Tracing into {@code processors} only (a test's in-memory exporter, say; none: only {@link
   * #recent()} records, for an in-process timeline without an exporter), sampling every span, with
   * W3C trace context propagation. {@link #close()} shuts the processors down.
   */
  public static Tracing using(SpanProcessor... processors) {
    RecentSpans recent = new RecentSpans();
    SdkTracerProviderBuilder provider =
        SdkTracerProvider.builder()
            .setResource(
                Resource.getDefault()
                    .merge(Resource.create(Attributes.of(SERVICE_NAME, "shortlease"))))
            .addSpanProcessor(recent);
    for (SpanProcessor processor : processors) {
      provider.addSpanProcessor(processor);
    }
    OpenTelemetrySdk sdk =
        OpenTelemetrySdk.builder()
            .setTracerProvider(provider.build())
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance()))
            .build();
    return new Tracing(sdk, sdk, recent);
  }

  /** True when spans are created. */
  public boolean on() {
    return recent != null;
  }

  public Tracer tracer() {
    return tracer;
  }

  public OpenTelemetry openTelemetry() {
    return openTelemetry;
  }

  /** The last spans that ended, while tracing is on. */
  public Optional<RecentSpans> recent() {
    return Optional.ofNullable(recent);
  }

  /** Exports what is pending and stops the exporters (waits at most 5 s). */
  @Override
  public void close() {
    if (sdk != null) {
      sdk.shutdown().join(5, TimeUnit.SECONDS);
    }
  }
}
