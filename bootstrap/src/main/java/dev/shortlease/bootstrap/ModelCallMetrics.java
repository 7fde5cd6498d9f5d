package dev.shortlease.bootstrap;

import static java.util.stream.Collectors.toSet;

import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.port.out.ModelMetricsPort;
import dev.shortlease.domain.ModelSettings;
import dev.shortlease.domain.TokenUsage;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Composition root: the model-call meters, named after OpenTelemetry's GenAI semantic conventions
 * ({@code gen_ai.client.operation.duration}, {@code gen_ai.client.token.usage}) with their
 * recommended bucket boundaries, plus errors by kind and the calls in progress
 * (docs/observability.md lists the Prometheus names). A model no app names any more loses its
 * series when an admin changes an app's model ({@link #retainModels}).
 */
final class ModelCallMetrics implements ModelMetricsPort {
  static final String DURATION = "gen_ai.client.operation.duration";
  static final String TOKENS = "gen_ai.client.token.usage";
  static final String ERRORS = "shortlease.model.errors";
  static final String ACTIVE = "shortlease.model.calls.active";

  /** The error type of a failure that is no {@link ModelErrorKind}: a bug, not the provider. */
  static final String INTERNAL = "internal";

  /** The conventions' advice for both histograms, in seconds and in tokens. */
  private static final double[] DURATION_BOUNDS = {
    0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92
  };

  private static final double[] TOKEN_BOUNDS = {
    1, 4, 16, 64, 256, 1024, 4096, 16384, 65536, 262144, 1048576, 4194304, 16777216, 67108864
  };

  private final MeterRegistry registry;
  private final String provider;
  private final String configuredModel;
  private final AtomicInteger active = new AtomicInteger();

  /** A model's meters, registered on its first call: building a meter ID per call cost CPU. */
  private final Map<String, ModelMeters> byModel = new ConcurrentHashMap<>();

  private record ModelMeters(
      Timer duration, DistributionSummary input, DistributionSummary output) {}

  /** {@code configuredModel}: {@code LLM_MODEL}, what an app without a model of its own calls. */
  ModelCallMetrics(MeterRegistry registry, String provider, String configuredModel) {
    this.registry = registry;
    this.provider = provider;
    this.configuredModel = configuredModel;
    Gauge.builder(ACTIVE, active, AtomicInteger::get)
        .description("Model calls in progress in this process")
        .register(registry);
    // At 0 from the start: a series born at 1 hides its first failure from rate() and increase().
    for (ModelErrorKind kind : ModelErrorKind.values()) {
      errors(kind.name().toLowerCase(Locale.ROOT));
    }
    errors(INTERNAL);
  }

  void started() {
    active.incrementAndGet();
  }

  /** One ended call; {@code errorType} null when it succeeded (a stop is no error). */
  void ended(String model, long nanos, TokenUsage usage, String errorType) {
    active.decrementAndGet();
    ModelMeters meters = byModel.computeIfAbsent(model, this::meters);
    meters.duration().record(Duration.ofNanos(nanos));
    if (usage != null) {
      meters.input().record(usage.promptTokens());
      meters.output().record(usage.completionTokens());
    }
    if (errorType != null) {
      errors(errorType).increment();
    }
  }

  private Counter errors(String errorType) {
    return Counter.builder(ERRORS)
        .description("Model calls that failed, by kind")
        .tags("gen_ai.provider.name", provider, "error.type", errorType)
        .register(registry);
  }

  int active() {
    return active.get();
  }

  @Override
  public void retainModels(Set<ModelSettings> inUse) {
    Set<String> called =
        inUse.stream().map(settings -> settings.modelOr(configuredModel)).collect(toSet());
    byModel.forEach(
        (model, meters) -> {
          if (!called.contains(model) && byModel.remove(model, meters)) {
            registry.remove(meters.duration());
            registry.remove(meters.input());
            registry.remove(meters.output());
          }
        });
  }

  private ModelMeters meters(String model) {
    return new ModelMeters(
        Timer.builder(DURATION)
            .description("Duration of model calls, start to last token, failed ones included")
            .tags("gen_ai.operation.name", "chat", "gen_ai.provider.name", provider)
            .tag("gen_ai.request.model", model)
            .serviceLevelObjectives(durations())
            .register(registry),
        tokens(model, "input"),
        tokens(model, "output"));
  }

  private DistributionSummary tokens(String model, String type) {
    return DistributionSummary.builder(TOKENS)
        .description("Tokens per model call, by type (input: prompt, output: completion)")
        .tags("gen_ai.operation.name", "chat", "gen_ai.provider.name", provider)
        .tags("gen_ai.request.model", model, "gen_ai.token.type", type)
        .serviceLevelObjectives(TOKEN_BOUNDS)
        .register(registry);
  }

  private static Duration[] durations() {
    Duration[] bounds = new Duration[DURATION_BOUNDS.length];
    for (int i = 0; i < bounds.length; i++) {
      bounds[i] = Duration.ofNanos((long) (DURATION_BOUNDS[i] * 1e9));
    }
    return bounds;
  }
}
