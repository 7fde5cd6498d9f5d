package dev.shortlease.bootstrap.tracing;

import dev.shortlease.application.agent.Tool;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import java.lang.reflect.Method;

/**
 * Tracing: a span around each agent tool call, after the GenAI conventions: {@code execute_tool
 * {name}}, kind INTERNAL (the tools run in this process), {@code gen_ai.tool.name}. A tool that
 * reads the database shows its own transaction and lease under it.
 */
final class ToolSpans implements SpanProxy.Spans {
  private final Tracer tracer;
  private final Tool tool;

  private ToolSpans(Tracer tracer, Tool tool) {
    this.tracer = tracer;
    this.tool = tool;
  }

  static Tool wrap(Tool tool, Tracer tracer) {
    return SpanProxy.wrap(Tool.class, tool, new ToolSpans(tracer, tool));
  }

  @Override
  public Span start(Method method, Object[] args) {
    if (!method.getName().equals("call")) {
      return null;
    }
    String name = tool.name();
    return tracer
        .spanBuilder("execute_tool " + name)
        .setSpanKind(SpanKind.INTERNAL)
        .setAttribute(SemConv.SHORTLEASE_SPAN, "tool")
        .setAttribute(SemConv.GEN_AI_OPERATION_NAME, "execute_tool")
        .setAttribute(SemConv.GEN_AI_TOOL_NAME, name)
        .setAttribute(SemConv.GEN_AI_TOOL_TYPE, "function")
        .startSpan();
  }
}
