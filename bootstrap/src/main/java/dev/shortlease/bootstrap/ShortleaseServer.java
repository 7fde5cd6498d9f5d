package dev.shortlease.bootstrap;

import com.google.inject.CreationException;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import dev.shortlease.adapter.persistence.DataSourceDecorator;
import dev.shortlease.adapter.persistence.PersistenceContext;
import dev.shortlease.adapter.web.HttpApi;
import dev.shortlease.application.port.in.InspectPoolUseCase;
import dev.shortlease.application.port.in.ManageAppsUseCase;
import dev.shortlease.application.port.in.RecoverAbandonedMessagesUseCase;
import dev.shortlease.application.port.in.RelayStopRequestsUseCase;
import dev.shortlease.application.port.in.ReplaySpooledAnswersUseCase;
import dev.shortlease.application.port.in.ShutdownUseCase;
import dev.shortlease.bootstrap.tracing.TracedBindings;
import dev.shortlease.bootstrap.tracing.Tracing;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composition root: builds the injector ({@link Composition}), keeps house (instance lease,
 * recovery of dead instances' messages, the answer spool, stop relay), creates the demo app on a
 * fresh database, and serves HTTP. {@link #close()} shuts down gracefully within the grace (see
 * {@link ShutdownPlan}).
 */
public final class ShortleaseServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ShortleaseServer.class);

  static {
    // Guice's bytecode generation (for AOP) calls sun.misc.Unsafe, a warning on every start under
    // JDK 24+. Nothing here uses AOP (the guards are JDK proxies), so plain reflection will do.
    if (System.getProperty("guice_bytecode_gen_option") == null) {
      System.setProperty("guice_bytecode_gen_option", "DISABLED");
    }
  }

  // How late a stop sent to another instance may arrive; an instance with no runs reads nothing.
  private static final Duration STOP_RELAY_INTERVAL = Duration.ofMillis(500);

  private final Settings settings;
  private final Injector injector;
  private final HttpApi api;
  private final PrometheusMeterRegistry registry;
  private final DemoApp.Outcome appsAtStart;
  private final Housekeeping housekeeping;
  private final Tracing tracing;
  private final boolean ownsTracing;
  private boolean closed;

  private ShortleaseServer(
      Settings settings,
      Injector injector,
      HttpApi api,
      PrometheusMeterRegistry registry,
      DemoApp.Outcome appsAtStart,
      Housekeeping housekeeping,
      Tracing tracing,
      boolean ownsTracing) {
    this.tracing = tracing;
    this.ownsTracing = ownsTracing;
    this.settings = settings;
    this.injector = injector;
    this.api = api;
    this.registry = registry;
    this.appsAtStart = appsAtStart;
    this.housekeeping = housekeeping;
  }

  /**
   * Starts the service. {@code overrides} replace bindings of the standard modules (tests bind a
   * scripted model as {@link RawModel}, for example). Throws {@link StartupException} with a
   * one-line reason when a setting or the database is wrong.
   */
  public static ShortleaseServer start(Settings settings, Module... overrides) {
    return startDecorated(settings, DataSourceDecorator.NONE, overrides);
  }

  /**
   * As {@link #start(Settings, Module...)}, with the DataSource Hibernate uses wrapped by {@code
   * decorator} (an extension point for tracing; the benchmark's held-session variant uses it).
   */
  public static ShortleaseServer startDecorated(
      Settings settings, DataSourceDecorator decorator, Module... overrides) {
    Objects.requireNonNull(settings, "settings");
    return startTraced(settings, decorator, null, overrides);
  }

  /**
   * As {@link #startDecorated}, traced through {@code tracing} (a test's in-memory exporter, say)
   * instead of the {@code OTEL_*} settings; null: as the settings say. The caller closes a given
   * {@code tracing}; the server closes the one it made.
   */
  public static ShortleaseServer startTraced(
      Settings settings, DataSourceDecorator decorator, Tracing tracing, Module... overrides) {
    Objects.requireNonNull(settings, "settings");
    Objects.requireNonNull(decorator, "decorator");
    WritableDirectory.require(settings.answerSpool(), "ANSWER_SPOOL_DIR");
    WritableDirectory.require(settings.media().filesDir(), "FILES_DIR");
    boolean ownsTracing = tracing == null;
    Tracing traces = ownsTracing ? startTracing(settings) : tracing;
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Started once, here, so that an unreachable database fails fast with one clear reason
    // (inside the injector, each of the ports bound to it would retry the start).
    PersistenceContext database;
    try {
      database = startDatabase(settings, registry, decorator);
    } catch (RuntimeException e) {
      if (ownsTracing) {
        traces.close();
      }
      throw e;
    }
    TracedBindings traced = new TracedBindings(traces, settings.llm());
    if (traces.on()) {
      traced.observe(database.tracker());
    }
    Housekeeping housekeeping = null;
    try {
      Injector injector = Composition.injector(settings, registry, database, traces, overrides);
      housekeeping =
          Housekeeping.start(
              injector.getInstance(RecoverAbandonedMessagesUseCase.class),
              injector.getInstance(RelayStopRequestsUseCase.class),
              injector.getInstance(ReplaySpooledAnswersUseCase.class),
              injector.getInstance(InspectPoolUseCase.class),
              settings.reliability().heartbeatInterval(),
              STOP_RELAY_INTERVAL,
              settings.limits().readinessProbeInterval());
      DemoApp.Outcome apps =
          DemoApp.prepare(injector.getInstance(ManageAppsUseCase.class), settings.demoApp());
      HttpApi api = injector.getInstance(HttpApi.class);
      api.observeResponses(injector.getInstance(HttpResponseMetrics.class));
      if (traces.on()) {
        api.observeRequests(traced.requests());
      }
      listen(api, settings);
      return new ShortleaseServer(
          settings, injector, api, registry, apps, housekeeping, traces, ownsTracing);
    } catch (RuntimeException e) {
      if (housekeeping != null) {
        housekeeping.close();
      }
      database.close();
      registry.close();
      if (ownsTracing) {
        traces.close();
      }
      throw new StartupException("cannot start: " + Redaction.of(settings).scrub(reason(e)), e);
    }
  }

  /** Starts HTTP; a failure names the variables to fix (Jetty's own says neither). */
  private static void listen(HttpApi api, Settings settings) {
    try {
      api.start(
          settings.host(), settings.port(), settings.managementHost(), settings.managementPort());
    } catch (RuntimeException e) {
      String where = "HOST=" + settings.host() + " PORT=" + settings.port();
      if (settings.managementPort() != null) {
        where +=
            ", MANAGEMENT_HOST="
                + settings.managementHost()
                + " MANAGEMENT_PORT="
                + settings.managementPort();
      }
      // No cause: reason() reports the innermost message, which is this one.
      throw new IllegalStateException("cannot listen on " + where + ": " + reason(e));
    }
  }

  private static Tracing startTracing(Settings settings) {
    try {
      return Tracing.start(settings.tracing());
    } catch (RuntimeException e) {
      throw new StartupException("cannot start: tracing (OTEL_*): " + reason(e), e);
    }
  }

  /** This server's tracing: {@link Tracing#off()} unless the settings (or the caller) set it. */
  public Tracing tracing() {
    return tracing;
  }

  private static PersistenceContext startDatabase(
      Settings settings, PrometheusMeterRegistry registry, DataSourceDecorator decorator) {
    try {
      return PersistenceContext.start(settings.database(), registry, decorator);
    } catch (RuntimeException e) {
      registry.close();
      throw new StartupException(
          "cannot start: database "
              + settings.database().redactedJdbcUrl()
              + ": "
              + Redaction.of(settings).scrub(reason(e)),
          e);
    }
  }

  public int port() {
    return api.port();
  }

  /** {@code http://127.0.0.1:<port>} (or the configured host when it is not a wildcard). */
  public String baseUrl() {
    return url(settings.host(), port());
  }

  /**
   * Where {@code /admin/*}, {@code /dashboard} and {@code /metrics} are served: {@link #baseUrl()}
   * unless set apart.
   */
  public String managementUrl() {
    // Without MANAGEMENT_PORT the management paths share the API's connector, and its host.
    return settings.managementPort() == null
        ? baseUrl()
        : url(settings.managementHost(), api.managementPort());
  }

  private static String url(String host, int port) {
    return "http://" + (host.equals("0.0.0.0") ? "127.0.0.1" : host) + ":" + port;
  }

  /**
   * "METHOD /path" of every route served ({@link HttpApi#routes()}); the compatibility suite's
   * list.
   */
  public List<String> routes() {
    return api.routes();
  }

  public Injector injector() {
    return injector;
  }

  public Settings settings() {
    return settings;
  }

  /** The demo app and its key when this start created them (first start only). */
  public Optional<ManageAppsUseCase.CreatedApp> demoApp() {
    return DemoApp.created(appsAtStart);
  }

  /** The apps this start found or created, as the start banner tells them. */
  DemoApp.Outcome appsAtStart() {
    return appsAtStart;
  }

  /**
   * Graceful shutdown, in the time {@link ShutdownPlan} gives: readiness turns 503 and new chats
   * are refused at once (stop requests still work), running streams may finish while draining, the
   * rest are stopped and saved as {@code stopped} with their text so far, then the server, the
   * lease and the pool close. Says what it does on the log.
   */
  @Override
  public void close() {
    close(settings.shutdownGrace());
  }

  /** As {@link #close()}, within {@code grace} in place of the setting's (a stop that waited). */
  synchronized void close(Duration grace) {
    if (closed) {
      return;
    }
    closed = true;
    ShutdownUseCase runs = injector.getInstance(ShutdownUseCase.class);
    ShutdownPlan plan = ShutdownPlan.of(grace);
    long graceEnds = System.nanoTime() + plan.total().toNanos();
    try {
      api.beginDraining();
      runs.beginDraining(); // chats waiting in the admission line are refused, as new ones are
      long endedBefore = runs.endedCount();
      int running = runs.runningCount();
      LOG.info(
          "shutting down: draining {} stream(s) for up to {} s, then stopping the rest ({} s for"
              + " their final saves)",
          running,
          seconds(plan.drain()),
          seconds(plan.saves().plus(plan.spool())));
      runs.awaitAllEnded(plan.drain());
      // Counted as they end, not as running minus stopped: chats that were past the HTTP check
      // when draining began may start runs while it lasts.
      long drained = runs.endedCount() - endedBefore;
      runs.stopAll(); // also refuses chats that would start from now on
      boolean saved = runs.awaitAllEnded(plan.saves());
      boolean abandoned = !saved;
      if (abandoned) {
        runs.abandonSaveRetries(); // the database is away: their answers go to the spool
        saved = runs.awaitAllEnded(plan.spool());
      }
      int unsaved = runs.runningCount();
      LOG.info(
          "shutdown: {} stream(s) finished while draining, {} stopped and {} with their text so"
              + " far{}",
          drained,
          runs.endedCount() - endedBefore - drained,
          abandoned ? "saved or spooled (the database did not answer in time)" : "saved",
          saved ? "" : "; " + unsaved + " did not end in time (recovery will end them)");
      api.awaitIdle(plan.flush()); // let each stream write its last event
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      housekeeping.close();
      injector.getInstance(ActivitySampler.class).close();
      api.stop();
      leaveAndClosePool(runs, graceEnds);
      registry.close();
      if (ownsTracing) {
        tracing.close(); // after the pool: the last leases are exported too
      }
    }
  }

  private static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0
        ? Long.toString(duration.toSeconds())
        : String.format(java.util.Locale.ROOT, "%.1f", duration.toMillis() / 1000.0);
  }

  /** Ends the lease and closes the pool, waiting no longer than the grace (see ShutdownStep). */
  private void leaveAndClosePool(ShutdownUseCase runs, long graceEnds) {
    boolean done;
    try {
      done =
          ShutdownStep.runUntil(
              graceEnds,
              () -> {
                runs.leave();
                closeQuietly(injector);
              });
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      done = false;
    }
    if (!done) {
      LOG.warn(
          "shutdown: the database did not answer within the grace; exiting without ending the"
              + " lease (it runs out by itself) or closing the pool");
    }
  }

  private static void closeQuietly(Injector injector) {
    try {
      injector.getInstance(PersistenceContext.class).close();
    } catch (RuntimeException e) {
      LOG.warn("closing the database pool failed: {}", e.toString());
    }
  }

  /** The innermost message: what actually went wrong, without Guice's wrapping. */
  static String reason(Throwable failure) {
    Throwable root = failure;
    if (failure instanceof CreationException c && !c.getErrorMessages().isEmpty()) {
      root = Optional.ofNullable(c.getErrorMessages().iterator().next().getCause()).orElse(failure);
    } else if (failure instanceof ProvisionException p && !p.getErrorMessages().isEmpty()) {
      root = Optional.ofNullable(p.getErrorMessages().iterator().next().getCause()).orElse(failure);
    }
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message =
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
