package dev.shortlease.bootstrap.tracing;

import dev.shortlease.adapter.llm.LlmSettings;
import dev.shortlease.application.ChatExecutor;
import dev.shortlease.application.agent.Tool;
import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.guardrails.guard.ConnectionTracker;
import dev.shortlease.guardrails.guice.Guardrails;
import io.opentelemetry.context.Context;

/**
 * Tracing: what the composition root puts spans around, all from outside the hexagon (no class of
 * the domain, the application or an adapter knows OpenTelemetry). Bindings of the storage ports
 * ({@code domain.port}: one transaction per call), of the chat model and of the agent tools get
 * span decorators through {@link Guardrails#decorating}, inside the long-call guard; the tracker
 * gets {@link LeaseSpans}; the web adapter gets {@link ServerSpans}; the chat executor hands the
 * caller's context to each run's thread.
 */
public final class TracedBindings implements Guardrails.Decorator {
  private static final String STORAGE_PORTS = "dev.shortlease.domain.port";

  private final Tracing tracing;
  private final LlmSettings llm;

  public TracedBindings(Tracing tracing, LlmSettings llm) {
    this.tracing = tracing;
    this.llm = llm;
  }

  /** True for the bound interfaces that get spans. */
  public static boolean traces(Class<?> type) {
    return type == ChatModelPort.class
        || type == Tool.class
        || type.getPackageName().equals(STORAGE_PORTS);
  }

  @Override
  public <T> T decorate(Class<T> type, T instance) {
    if (type == ChatModelPort.class) {
      return SpanProxy.wrap(
          type, instance, new ModelSpans(tracing.tracer(), llm.provider(), llm.modelName()));
    }
    if (type == Tool.class) {
      return type.cast(ToolSpans.wrap((Tool) instance, tracing.tracer()));
    }
    if (traces(type)) {
      return PortSpans.wrap(type, instance, tracing.tracer());
    }
    return instance;
  }

  /** {@code executor} whose runs start in the context (the request's span) of their caller. */
  public static ChatExecutor propagating(ChatExecutor executor) {
    return new ChatExecutor(Context.taskWrapping(executor.executor()));
  }

  /** Lease spans and violation events from {@code tracker}, until {@link #stopObserving}. */
  public void observe(ConnectionTracker tracker) {
    tracker.observe(new LeaseSpans(tracing.tracer()));
  }

  public static void stopObserving(ConnectionTracker tracker) {
    tracker.observe(null);
  }

  /** The web adapter's hook that makes a server span of each request. */
  public dev.shortlease.adapter.web.RequestObserver requests() {
    return new ServerSpans(tracing.openTelemetry(), tracing.tracer());
  }
}
