package ${package}.adapter.web;

import ${package}.application.port.in.AnswerQuestionUseCase;
import ${package}.application.port.in.AskQuestionUseCase;
import ${package}.application.port.in.OperationsUseCase;
import ${package}.domain.InvalidInputException;
import ${package}.domain.NotFoundException;
import ${package}.domain.Question;
import ${package}.domain.StorageUnavailableException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API on Javalin, a virtual thread per request (a request waiting on a long call costs a
 * few kilobytes). The example feature under {@code /questions}, probes under {@code /health}, and
 * Prometheus metrics at {@code /metrics}. Errors are {@code {"code", "message", "status"}}; a
 * database that lends no connection in time is 503 with {@code Retry-After}, not 500.
 */
public final class HttpApi {
  /** Seconds a client waits before trying again when the database is busy. */
  static final String RETRY_AFTER_SECONDS = "1";

  private static final Logger LOG = LoggerFactory.getLogger(HttpApi.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String ERROR_WRITTEN = "errorWritten";

  private final AskQuestionUseCase ask;
  private final AnswerQuestionUseCase answer;
  private final OperationsUseCase operations;
  private Javalin javalin;

  @Inject
  public HttpApi(
      AskQuestionUseCase ask, AnswerQuestionUseCase answer, OperationsUseCase operations) {
    this.ask = ask;
    this.answer = answer;
    this.operations = operations;
  }

  /** Starts listening on {@code port} (0 picks a free one). */
  public synchronized HttpApi start(String host, int port) {
    if (javalin != null) {
      throw new IllegalStateException("already started");
    }
    javalin = Javalin.create(this::configure).start(host, port);
    return this;
  }

  public int port() {
    return javalin.port();
  }

  public synchronized void stop() {
    if (javalin != null) {
      javalin.stop();
      javalin = null;
    }
  }

  /**
   * GET, and HEAD through the same handler: Javalin alone answers a HEAD that matches a GET route
   * with an empty 200 without running the handler, so a probe's {@code HEAD /health/ready} would
   * read "ready" with the database down.
   */
  private static void get(RoutesConfig routes, String path, Handler handler) {
    routes.get(path, handler);
    routes.head(path, handler);
  }

  private void configure(JavalinConfig config) {
    config.concurrency.useVirtualThreads = true;
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.http.maxRequestSize = 64 * 1024;
    var routes = config.routes;
    routes.post("/questions", this::ask);
    get(routes, "/questions/{id}", ctx -> json(ctx, 200, ask.get(id(ctx))));
    routes.post("/questions/{id}/answer", ctx -> json(ctx, 200, answer.answer(id(ctx))));
    get(routes, "/health/live", ctx -> json(ctx, 200, Map.of("status", "live")));
    get(routes, "/health/ready", this::ready);
    get(
        routes,
        "/metrics",
        ctx ->
            ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(operations.metrics()));
    routes.exception(InvalidInputException.class, (e, ctx) -> error(ctx, 400, "invalid_param", e));
    routes.exception(NotFoundException.class, (e, ctx) -> error(ctx, 404, "not_found", e));
    routes.exception(
        StorageUnavailableException.class,
        (e, ctx) -> {
          LOG.warn("{} {}: database busy: {}", ctx.method(), ctx.path(), e.getMessage());
          ctx.header("Retry-After", RETRY_AFTER_SECONDS);
          error(
              ctx,
              503,
              "service_unavailable",
              new RuntimeException("the database is busy; retry in a moment"));
        });
    routes.exception(
        Exception.class,
        (e, ctx) -> {
          LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
          error(ctx, 500, "internal_server_error", new RuntimeException("Internal Server Error"));
        });
    routes.error(
        404,
        "*",
        ctx -> {
          if (ctx.attribute(ERROR_WRITTEN) == null) { // a 404 of ours carries its own message
            error(ctx, 404, "not_found", new RuntimeException("no such endpoint"));
          }
        });
  }

  private void ask(Context ctx) throws IOException {
    JsonNode body;
    try {
      body = JSON.readTree(ctx.bodyAsBytes());
    } catch (JsonProcessingException e) {
      throw new InvalidInputException("the body must be JSON");
    }
    JsonNode text = body == null ? null : body.get("text");
    if (text == null || !text.isTextual()) {
      throw new InvalidInputException("text is required and must be a string");
    }
    json(ctx, 201, ask.ask(text.asText()));
  }

  private void ready(Context ctx) {
    boolean ready = operations.ready();
    json(ctx, ready ? 200 : 503, Map.of("status", ready ? "ready" : "database unavailable"));
  }

  private static UUID id(Context ctx) {
    try {
      return UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("id must be a UUID");
    }
  }

  private static void json(Context ctx, int status, Object body) {
    Object wire = body instanceof Question question ? wire(question) : body;
    try {
      ctx.status(status).contentType("application/json").result(JSON.writeValueAsString(wire));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<String, Object> wire(Question question) {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("id", question.id().toString());
    wire.put("text", question.text());
    wire.put("answer", question.answer().orElse(null));
    return wire;
  }

  private static void error(Context ctx, int status, String code, Exception e) {
    Map<String, Object> wire = new LinkedHashMap<>();
    wire.put("code", code);
    wire.put("message", e.getMessage());
    wire.put("status", status);
    ctx.attribute(ERROR_WRITTEN, Boolean.TRUE);
    json(ctx, status, wire);
  }
}
