package dev.shortlease.bootstrap.tracing;

import dev.shortlease.adapter.web.RequestObserver;
import io.javalin.http.Context;
import io.javalin.router.Endpoint;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;
import java.util.Collections;

/**
 * Tracing: a server span per HTTP request, after the HTTP semantic conventions ({@code POST
 * /v1/chat-messages}, kind SERVER, method, route, status; a 5xx is an error). An incoming {@code
 * traceparent} header makes it a child of the caller's trace. The span is current on the request's
 * thread from the first handler to the last, the event stream included, so the use cases' spans
 * nest under it; the run's own thread gets it through the chat executor.
 */
final class ServerSpans implements RequestObserver {
  private static final String SPAN = "shortlease.tracing.span";
  private static final String SCOPE = "shortlease.tracing.scope";
  private static final TextMapGetter<Context> HEADERS =
      new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Context ctx) {
          return Collections.list(ctx.req().getHeaderNames());
        }

        @Override
        public String get(Context ctx, String key) {
          return ctx == null ? null : ctx.header(key);
        }
      };

  private final OpenTelemetry openTelemetry;
  private final Tracer tracer;

  ServerSpans(OpenTelemetry openTelemetry, Tracer tracer) {
    this.openTelemetry = openTelemetry;
    this.tracer = tracer;
  }

  @Override
  public void started(Context ctx) {
    io.opentelemetry.context.Context parent =
        openTelemetry
            .getPropagators()
            .getTextMapPropagator()
            .extract(io.opentelemetry.context.Context.root(), ctx, HEADERS);
    String method = ctx.req().getMethod();
    Span span =
        tracer
            .spanBuilder(method)
            .setParent(parent)
            .setSpanKind(SpanKind.SERVER)
            .setAttribute(SemConv.SHORTLEASE_SPAN, "server")
            .setAttribute(SemConv.HTTP_REQUEST_METHOD, method)
            .setAttribute(SemConv.URL_PATH, ctx.path())
            .setAttribute(SemConv.URL_SCHEME, ctx.scheme())
            .setAttribute(SemConv.SERVER_PORT, (long) ctx.req().getLocalPort())
            .setAttribute(SemConv.CLIENT_ADDRESS, ctx.req().getRemoteAddr())
            // X-Request-Id, which the log lines carry: a client's report finds the trace too
            .setAttribute(SemConv.REQUEST_ID, RequestObserver.requestId(ctx))
            .startSpan();
    String userAgent = ctx.userAgent();
    if (userAgent != null) {
      span.setAttribute(SemConv.USER_AGENT_ORIGINAL, userAgent);
    }
    ctx.attribute(SPAN, span);
    ctx.attribute(SCOPE, span.makeCurrent());
  }

  @Override
  public void ended(Context ctx) {
    Span span = ctx.attribute(SPAN);
    Scope scope = ctx.attribute(SCOPE);
    if (span == null) {
      return;
    }
    String route = route(ctx);
    if (route != null) {
      span.setAttribute(SemConv.HTTP_ROUTE, route);
      span.updateName(ctx.req().getMethod() + " " + route);
    }
    int status = ctx.statusCode();
    span.setAttribute(SemConv.HTTP_RESPONSE_STATUS_CODE, (long) status);
    if (status >= 500) {
      span.setStatus(StatusCode.ERROR);
      span.setAttribute(SemConv.ERROR_TYPE, Integer.toString(status));
    }
    span.end();
    if (scope != null) {
      scope.close();
    }
  }

  /** The matched route's template ({@code /v1/messages/{message_id}/suggested}), or null. */
  private static String route(Context ctx) {
    try {
      Endpoint endpoint = ctx.endpoints().lastHttpEndpoint();
      return endpoint == null ? null : endpoint.path;
    } catch (RuntimeException e) {
      return null; // no route matched (a 404)
    }
  }
}
