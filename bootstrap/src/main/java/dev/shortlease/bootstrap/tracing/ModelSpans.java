package dev.shortlease.bootstrap.tracing;

import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.application.port.out.ModelReply;
import dev.shortlease.application.port.out.ModelRequest;
import dev.shortlease.domain.ModelSettings;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Locale;

/**
 * Tracing: a GenAI client span around each model call, after OpenTelemetry's GenAI semantic
 * conventions: {@code chat {model}}, kind CLIENT, provider, requested model, token usage, finish
 * reason, and {@code error.type} (the failure's kind, e.g. {@code rate_limited}). The port's {@code
 * chat} blocks on its caller's thread until the stream ends (tokens arrive on the provider's
 * threads but are handed over on the caller's), so the span covers the whole stream and nests under
 * whatever the caller runs in, whichever thread the provider uses.
 */
final class ModelSpans implements SpanProxy.Spans {
  private final Tracer tracer;
  private final String provider;
  private final String configuredModel;

  ModelSpans(Tracer tracer, String provider, String configuredModel) {
    this.tracer = tracer;
    this.provider = provider;
    this.configuredModel = configuredModel;
  }

  @Override
  public Span start(Method method, Object[] args) {
    if (!method.getName().equals("chat") || args == null || !(args[0] instanceof ModelRequest)) {
      return null;
    }
    ModelSettings settings = ((ModelRequest) args[0]).settings();
    String model = model(settings);
    SpanBuilder span =
        tracer
            .spanBuilder("chat " + model)
            .setSpanKind(SpanKind.CLIENT)
            .setAttribute(SemConv.SHORTLEASE_SPAN, "model")
            .setAttribute(SemConv.GEN_AI_OPERATION_NAME, "chat")
            .setAttribute(SemConv.GEN_AI_PROVIDER_NAME, provider)
            .setAttribute(SemConv.GEN_AI_REQUEST_MODEL, model);
    if (settings.maxTokens() != null) {
      span.setAttribute(SemConv.GEN_AI_REQUEST_MAX_TOKENS, (long) settings.maxTokens());
    }
    if (settings.temperature() != null) {
      span.setAttribute(SemConv.GEN_AI_REQUEST_TEMPERATURE, settings.temperature());
    }
    return span.startSpan();
  }

  @Override
  public void succeeded(Span span, Object result) {
    if (result instanceof ModelReply reply) {
      span.setAttribute(SemConv.GEN_AI_USAGE_INPUT_TOKENS, (long) reply.usage().promptTokens());
      span.setAttribute(
          SemConv.GEN_AI_USAGE_OUTPUT_TOKENS, (long) reply.usage().completionTokens());
      span.setAttribute(
          SemConv.GEN_AI_RESPONSE_FINISH_REASONS,
          List.of(reply.finishReason().name().toLowerCase(Locale.ROOT)));
    }
  }

  @Override
  public String errorType(Throwable failure) {
    return failure instanceof ModelException model
        ? model.kind().name().toLowerCase(Locale.ROOT)
        : failure.getClass().getName();
  }

  private String model(ModelSettings settings) {
    return settings.modelOr(configuredModel);
  }
}
