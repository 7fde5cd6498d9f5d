package dev.shortlease.adapter.web;

import dev.shortlease.application.port.in.ShuttingDownException;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Web adapter: the HTTP server. Javalin 7 on Jetty 12 with a virtual thread per request, so a
 * stream that waits on the model for minutes costs a few kilobytes, not a platform thread.
 * Compression is off: an event stream must reach the client event by event, not in gzip blocks.
 */
public final class HttpApi {
  /**
   * Methods a metric names; any other token a client sends (HTTP allows any) is {@code OTHER}, or
   * each made-up method would add a series to the registry for as long as the process lives.
   */
  private static final Set<String> METRIC_METHODS =
      Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");

  private static final String IN_FLIGHT = "shortlease.inFlight";
  private static final int ACCEPT_QUEUE = 1024;

  /**
   * Jetty's HTTP/1.1 parser keeps, per connection, a cache of the header fields it has seen (a trie
   * of up to 1024 characters by default): a connection's second request builds it, ~20 KiB of heap
   * (a {@code char[]} of ~16 KiB and its nodes) that stays with the connection for as long as it is
   * open. It saves a few small allocations per repeated header — nothing for a client that sends a
   * chat every few seconds, and 200 MiB of a 512 MiB heap with 10,000 streams open, where it was
   * the largest item of a heap histogram (docs/benchmark.md, The long point). Off.
   */
  static final int HEADER_CACHE_SIZE = 0;

  private final ChatMessagesHandler chat;
  private final MessagesHandler messages;
  private final ConversationsHandler conversations;
  private final AppInfoHandler info;
  private final AnnotationsHandler annotations;
  private final AdminAppsHandler admin;
  private final OpsHandler ops;
  private final ConversationVariablesHandler variables;
  private final SiteHandler site;
  private final AppUsersHandler appUsers;
  private final FilesHandler files;
  private final AudioHandler audio;
  private final DashboardHandler dashboard;
  private final WebSettings settings;
  private final CorsPolicy cors;
  private final AtomicBoolean draining = new AtomicBoolean();
  private final AtomicInteger inFlight = new AtomicInteger();
  private RequestObserver observer; // null: nobody watches
  private Javalin javalin;
  private ServerConnector publicConnector;
  private ServerConnector managementConnector; // null: management shares the public port
  private volatile ResponseObserver responses = ResponseObserver.NONE;

  @Inject
  public HttpApi(
      ChatMessagesHandler chat,
      MessagesHandler messages,
      ConversationsHandler conversations,
      AppInfoHandler info,
      AnnotationsHandler annotations,
      AdminAppsHandler admin,
      OpsHandler ops,
      ConversationVariablesHandler variables,
      SiteHandler site,
      AppUsersHandler appUsers,
      FilesHandler files,
      AudioHandler audio,
      DashboardHandler dashboard,
      WebSettings settings) {
    this.chat = chat;
    this.messages = messages;
    this.conversations = conversations;
    this.info = info;
    this.annotations = annotations;
    this.admin = admin;
    this.ops = ops;
    this.variables = variables;
    this.site = site;
    this.appUsers = appUsers;
    this.files = files;
    this.audio = audio;
    this.dashboard = dashboard;
    this.settings = settings;
    this.cors = new CorsPolicy(settings.corsAllowOrigins());
    ops.drainingWhen(draining::get);
  }

  /** From now on, {@code observer} is told of every answer (before {@link #start}). */
  public void observeResponses(ResponseObserver observer) {
    this.responses = java.util.Objects.requireNonNull(observer, "observer");
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
                      (server, http) -> publicConnector = connector(server, http, host, port));
                  if (managementPort != null) {
                    config.jetty.addConnector(
                        (server, http) ->
                            managementConnector =
                                connector(server, http, managementHost, managementPort));
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
    draining.set(true);
  }

  /**
   * Waits until no {@code /v1} request is being served (so every stream has written its last
   * event), or {@code timeout} passes; true when idle.
   */
  public boolean awaitIdle(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (inFlight.get() > 0) {
      if (System.nanoTime() > deadline) {
        return false;
      }
      Thread.sleep(10);
    }
    return true;
  }

  /** "METHOD /path" of every route served, in registration order (docs/service.md lists them). */
  public synchronized List<String> routes() {
    return javalin.unsafe.internalRouter.allHttpHandlers().stream()
        .map(handler -> handler.endpoint)
        .filter(endpoint -> endpoint.method.isHttpMethod())
        .map(endpoint -> endpoint.method.name() + " " + endpoint.path)
        .toList();
  }

  public synchronized void stop() {
    if (javalin != null) {
      javalin.stop();
      javalin = null;
    }
  }

  /**
   * Our own connector for its accept queue: Jetty's default backlog (50) overflows when a burst of
   * hundreds of new connections arrives at once, and some of them are dropped. And without the
   * HTTP/1.1 parser's per-connection header cache ({@link #HEADER_CACHE_SIZE}).
   */
  private static ServerConnector connector(
      Server server, HttpConfiguration http, String host, int port) {
    http.setHeaderCacheSize(HEADER_CACHE_SIZE);
    ServerConnector connector = new ServerConnector(server, new HttpConnectionFactory(http));
    connector.setHost(host);
    connector.setPort(port);
    connector.setAcceptQueueSize(ACCEPT_QUEUE);
    return connector;
  }

  private void configure(JavalinConfig config) {
    config.concurrency.useVirtualThreads = true;
    // Errors Jetty answers before any handler (a malformed request) are JSON too, as every error.
    config.jetty.modifyServer(server -> server.setErrorHandler(new JsonErrorHandler()));
    config.http.compressionStrategy = CompressionStrategy.NONE;
    config.http.maxRequestSize = settings.maxBodyBytes();
    // Uploads are multipart: parts go to temporary files, never whole into memory, up to the
    // largest upload an endpoint takes (the handlers check each part's own limit).
    config.jetty.multipartConfig.maxTotalRequestSize(
        files.maxRequestBytes(), io.javalin.config.SizeUnit.BYTES);
    config.startup.showJavalinBanner = false;
    config.startup.showOldJavalinVersionWarning = false;
    config.router.ignoreTrailingSlashes = true;
    config.requestLogger.http((ctx, millis) -> observe(ctx));
    config.http.prefer405over404 = true; // a known path with the wrong method is 405, as in Dify
    var routes = config.routes;
    routes.before(RequestIds::assign);
    if (observer != null) {
      routes.before(observer::started);
    }
    // management port: with one set apart, each port serves only its own routes
    routes.before("/admin/*", ctx -> requirePort(ctx, true));
    routes.before("/metrics", ctx -> requirePort(ctx, true));
    routes.before("/dashboard*", ctx -> requirePort(ctx, true));
    routes.before("/v1/*", ctx -> requirePort(ctx, false));

    // CORS (issue 15): Dify's service API answers browsers; the admin API does not need to.
    routes.before("/v1/*", cors::decorate);
    routes.before("/v1", cors::decorate); // the index without its slash, as a base URL is written
    routes.before("/v1/chat-messages", this::refuseWhileDraining);
    routes.before("/v1/completion-messages", this::refuseWhileDraining);
    routes.before("/v1/*", this::countIn);
    routes.before(NulCharacters::refuseInQuery);
    routes.after("/v1/*", this::countOut);
    if (observer != null) {
      routes.after(observer::ended);
    }
    routes.after(new UnreadBody(UnreadBody.BUDGET)::discardAfterError);
    routes.before("/admin/*", this::refuseWhileDraining);

    routes.post("/v1/chat-messages", chat::chat);
    routes.post("/v1/chat-messages/{task_id}/stop", chat::stopChat);
    routes.post("/v1/completion-messages", chat::completion);
    routes.post("/v1/completion-messages/{task_id}/stop", chat::stopCompletion);
    routes.get("/v1/messages", messages::list);
    routes.post("/v1/messages/{message_id}/feedbacks", messages::feedback);
    routes.get("/v1/messages/{message_id}/suggested", messages::suggested);
    routes.get("/v1/conversations", conversations::list);
    routes.post("/v1/conversations/{conversation_id}/name", conversations::rename);
    routes.delete("/v1/conversations/{conversation_id}", conversations::delete);
    routes.get("/v1/parameters", info::parameters);
    routes.get("/v1/info", info::info);
    routes.get("/v1/meta", info::meta);
    // annotations
    routes.get("/v1/apps/annotations", annotations::list);
    routes.post("/v1/apps/annotations", annotations::create);
    routes.put("/v1/apps/annotations/{annotation_id}", annotations::update);
    routes.delete("/v1/apps/annotations/{annotation_id}", annotations::delete);
    routes.post("/v1/apps/annotation-reply/{action}", annotations::configure);
    routes.get("/v1/apps/annotation-reply/{action}/status/{job_id}", annotations::status);
    // forms and the app's other reads: site, feedbacks, end users, conversation variables
    routes.get("/v1/", site::index);
    routes.get("/v1/site", site::site);
    routes.get("/v1/app/feedbacks", appUsers::feedbacks);
    routes.get("/v1/end-users/{end_user_id}", appUsers::endUser);
    routes.get("/v1/conversations/{conversation_id}/variables", variables::list);
    routes.put("/v1/conversations/{conversation_id}/variables/{variable_id}", variables::update);

    // files and audio
    routes.post("/v1/files/upload", files::upload);
    routes.get("/v1/files/{file_id}/preview", files::preview);
    routes.post("/v1/audio-to-text", audio::audioToText);
    routes.post("/v1/text-to-audio", audio::textToAudio);

    routes.post("/admin/apps", admin::create);
    routes.get("/admin/apps", admin::list);
    routes.get("/admin/apps/{app_id}", admin::get);
    routes.patch("/admin/apps/{app_id}", admin::update);
    routes.post("/admin/apps/{app_id}/keys", admin::issueKey);
    routes.get("/admin/apps/{app_id}/keys", admin::listKeys);
    routes.delete("/admin/apps/{app_id}/keys/{key_id}", admin::revokeKey);
    routes.get("/admin/pool", ops::pool);
    routes.post("/admin/uploads/cleanup", ops::cleanUpUploads);
    routes.get("/admin/activity", dashboard::activity);
    routes.get("/dashboard", dashboard::page);
    routes.get("/dashboard/dashboard.js", dashboard::script);
    routes.get("/dashboard/dashboard.css", dashboard::style);

    routes.get("/metrics", ops::metrics);
    routes.get("/health/live", ops::live);
    routes.get("/health/ready", ops::ready);

    routes.exception(
        Exception.class,
        (e, ctx) -> {
          if (e instanceof ShuttingDownException) {
            ctx.header("Connection", "close"); // send it again elsewhere, not on this connection
          }
          Responses.error(ctx, ErrorMapping.of(e, RequestIds.of(ctx)));
        });
    // Our own errors are in Dify's shape already (Responses marks them); Javalin's "endpoint not
    // found" and "method not allowed" are plain text or its problem JSON, depending on Accept.
    routes.error(404, "*", ctx -> jsonUnlessAnswered(ctx, ApiError.unknownRoute()));
    routes.error(405, "*", ctx -> jsonUnlessAnswered(ctx, ApiError.methodNotAllowed()));
  }

  private static void jsonUnlessAnswered(Context ctx, ApiError error) {
    // Javalin answers a client that accepts JSON with its own problem JSON: replace that too.
    if (!Responses.ownErrorWritten(ctx)) {
      Responses.error(ctx, error);
    }
  }

  private void requirePort(Context ctx, boolean management) {
    if (managementConnector != null
        && (ctx.req().getLocalPort() == managementConnector.getLocalPort()) != management) {
      throw new ApiException(ApiError.notFound("The requested URL was not found on the server."));
    }
  }

  static String metricMethod(String method) {
    return METRIC_METHODS.contains(method) ? method : "OTHER";
  }

  /** The route is the matched path template and the method a known one, so the series stay few. */
  private void observe(Context ctx) {
    String route = "unmatched";
    try {
      var endpoint = ctx.endpoints().lastHttpEndpoint();
      if (endpoint != null && ctx.status().getCode() != 404) {
        route = endpoint.path;
      }
    } catch (RuntimeException e) {
      // no endpoint matched: keep "unmatched"
    }
    responses.answered(metricMethod(ctx.req().getMethod()), route, ctx.status().getCode());
  }

  private void countIn(Context ctx) {
    inFlight.incrementAndGet();
    ctx.attribute(IN_FLIGHT, Boolean.TRUE);
  }

  private void countOut(Context ctx) {
    if (ctx.attribute(IN_FLIGHT) != null) {
      inFlight.decrementAndGet();
    }
  }

  /** Answered as {@link ShuttingDownException} is wherever it comes from (see the handler). */
  private void refuseWhileDraining(Context ctx) {
    if (draining.get()) {
      throw new ShuttingDownException();
    }
  }
}
