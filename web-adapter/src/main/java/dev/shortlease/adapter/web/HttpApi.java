package dev.shortlease.adapter.web;

import io.javalin.Javalin;
import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Web adapter: the HTTP server. Javalin 7 on Jetty 12 with a virtual thread per request, so a
 * stream that waits on the model for minutes costs a few kilobytes, not a platform thread.
 * Compression is off: an event stream must reach the client event by event, not in gzip blocks. Its
 * parts: {@link ServerConfig} (the server's settings), {@link RequestFilters} (what runs around
 * every handler), {@link ApiRoutes} (the routes) and {@link ErrorAnswers} (the error bodies).
 */
public final class HttpApi {
  private final ApiRoutes routes;
  private final WebSettings settings;
  private final CorsPolicy cors;
  private final Draining draining = new Draining();
  private RequestObserver observer; // null: nobody watches
  private Javalin javalin;
  private ServerConnector publicConnector;
  private ServerConnector managementConnector; // null: management shares the public port
  private volatile ResponseObserver responses = ResponseObserver.NONE;

  @Inject
  HttpApi(ApiRoutes routes, WebSettings settings) {
    this.routes = routes;
    this.settings = settings;
    this.cors = new CorsPolicy(settings.corsAllowOrigins());
    routes.ops().drainingWhen(draining::isDraining);
  }

  /** From now on, {@code observer} is told of every answer (before {@link #start}). */
  public void observeResponses(ResponseObserver observer) {
    this.responses = Objects.requireNonNull(observer, "observer");
  }

  /** Tells {@code observer} of every request served from the next {@link #start} on. */
  public synchronized HttpApi observeRequests(RequestObserver observer) {
    if (javalin != null) {
      throw new IllegalStateException("observe requests before starting");
    }
    this.observer = observer;
    return this;
  }

  /** The public connector's header cache size, as Jetty runs it (for tests). */
  int headerCacheSize() {
    return publicConnector
        .getConnectionFactory(HttpConnectionFactory.class)
        .getHttpConfiguration()
        .getHeaderCacheSize();
  }

  /** Starts listening on {@code port} (0 picks a free one), management routes included. */
  public synchronized HttpApi start(String host, int port) {
    return start(host, port, null, null);
  }

  /**
   * Starts listening on {@code port} for the public API and on {@code managementPort} (when not
   * null; 0 picks a free one) for {@code /admin/*}, {@code /dashboard} and {@code /metrics}, which
   * the public port then answers with 404; health is served on both, for probes of either.
   */
  public synchronized HttpApi start(
      String host, int port, String managementHost, Integer managementPort) {
    if (javalin != null) {
      throw new IllegalStateException("already started");
    }
    javalin =
        Javalin.create(
                config -> {
                  config.jetty.addConnector(
                      (server, http) ->
                          publicConnector = ServerConfig.connector(server, http, host, port));
                  if (managementPort != null) {
                    config.jetty.addConnector(
                        (server, http) ->
                            managementConnector =
                                ServerConfig.connector(
                                    server, http, managementHost, managementPort));
                  }
                  configure(config);
                })
            .start();
    return this;
  }

  public int port() {
    return publicConnector.getLocalPort();
  }

  /**
   * The port of {@code /admin/*}, {@code /dashboard} and {@code /metrics}: the public one unless
   * set apart.
   */
  public int managementPort() {
    return managementConnector == null ? port() : managementConnector.getLocalPort();
  }

  /**
   * From now on, readiness is 503 and new chats (and admin calls) are refused with 503; running
   * streams go on, and stop requests and reads are still served.
   */
  public void beginDraining() {
    draining.begin();
  }

  /**
   * Waits until no {@code /v1} request is being served (so every stream has written its last
   * event), or {@code timeout} passes; true when idle.
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    return draining.awaitIdle(timeout);
  }

  /**
   * "METHOD /path" of every route served, in registration order (docs/service.md lists them); not
   * HEAD, which each GET route also answers.
   */
  public synchronized List<String> routes() {
    return javalin.unsafe.internalRouter.allHttpHandlers().stream()
        .map(handler -> handler.endpoint)
        .filter(endpoint -> endpoint.method.isHttpMethod() && endpoint.method != HandlerType.HEAD)
        .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
        .toList();
  }

  public synchronized void stop() {
    if (javalin != null) {
      javalin.stop();
      javalin = null;
    }
  }

  /** Within each part, order matters: filters run, and routes are listed, as registered. */
  private void configure(JavalinConfig config) {
    ServerConfig.applyTo(config, settings, routes.files().maxRequestBytes());
    config.requestLogger.http((ctx, millis) -> ResponseLabels.report(ctx, responses));
    new RequestFilters(cors, draining, observer, () -> managementConnector).addTo(config.routes);
    routes.addTo(config.routes);
    ErrorAnswers.addTo(config.routes);
  }
}
