package dev.shortlease.bootstrap;

import com.google.inject.CreationException;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.ProvisionException;
import com.google.inject.Stage;
import com.google.inject.util.Modules;
import dev.shortlease.adapter.persistence.DataSourceDecorator;
import dev.shortlease.adapter.persistence.PersistenceContext;
import dev.shortlease.adapter.persistence.PersistenceModule;
import dev.shortlease.adapter.web.HttpApi;
import dev.shortlease.adapter.web.WebSettings;
import dev.shortlease.application.port.in.ManageAppsUseCase;
import dev.shortlease.application.port.in.RecoverAbandonedMessagesUseCase;
import dev.shortlease.application.port.in.RelayStopRequestsUseCase;
import dev.shortlease.application.port.in.ShutdownUseCase;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Composition root: builds the injector from each adapter's module, recovers abandoned messages (at
 * start-up, then every minute), creates the demo app on a fresh database, and serves HTTP. {@link
 * #close()} shuts down gracefully: new requests are refused, running streams may finish until the
 * grace deadline, the rest are saved as {@code stopped}, then the server and the pool close.
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

  private static final Duration FINAL_WRITES = Duration.ofSeconds(5);
  // Messages become eligible only after the time limit plus a margin, so a minute is prompt enough.
  private static final Duration RECOVERY_INTERVAL = Duration.ofMinutes(1);
  // How late a stop sent to another instance may arrive; an instance with no runs reads nothing.
  private static final Duration STOP_RELAY_INTERVAL = Duration.ofMillis(500);

  private final Settings settings;
  private final Injector injector;
  private final HttpApi api;
  private final PrometheusMeterRegistry registry;
  private final DemoApp.Outcome appsAtStart;
  private final Housekeeping housekeeping;
  private boolean closed;

  private ShortleaseServer(
      Settings settings,
      Injector injector,
      HttpApi api,
      PrometheusMeterRegistry registry,
      DemoApp.Outcome appsAtStart,
      Housekeeping housekeeping) {
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
    Objects.requireNonNull(decorator, "decorator");
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Started once, here, so that an unreachable database fails fast with one clear reason
    // (inside the injector, each of the ports bound to it would retry the start).
    PersistenceContext database = startDatabase(settings, registry, decorator);
    Housekeeping housekeeping = null;
    try {
      Module standard =
          Modules.combine(
              new MetricsModule(registry),
              new PersistenceModule(settings.database(), registry),
              new GuardModule(settings.llm(), settings.guardMode()),
              new ApplicationModule(settings.chat()),
              binder -> binder.bind(WebSettings.class).toInstance(settings.web()));
      List<Module> replacements = new ArrayList<>(List.of(overrides));
      replacements.addFirst(binder -> binder.bind(PersistenceContext.class).toInstance(database));
      Injector injector =
          Guice.createInjector(Stage.PRODUCTION, Modules.override(standard).with(replacements));
      housekeeping =
          Housekeeping.start(
              injector.getInstance(RecoverAbandonedMessagesUseCase.class),
              injector.getInstance(RelayStopRequestsUseCase.class),
              RECOVERY_INTERVAL,
              STOP_RELAY_INTERVAL);
      DemoApp.Outcome apps =
          DemoApp.prepare(injector.getInstance(ManageAppsUseCase.class), settings.demoApp());
      HttpApi api = injector.getInstance(HttpApi.class).start(settings.host(), settings.port());
      return new ShortleaseServer(settings, injector, api, registry, apps, housekeeping);
    } catch (RuntimeException e) {
      if (housekeeping != null) {
        housekeeping.close();
      }
      database.close();
      registry.close();
      throw new StartupException("cannot start: " + reason(e), e);
    }
  }

  private static PersistenceContext startDatabase(
      Settings settings, PrometheusMeterRegistry registry, DataSourceDecorator decorator) {
    try {
      return PersistenceContext.start(settings.database(), registry, decorator);
    } catch (RuntimeException e) {
      registry.close();
      throw new StartupException(
          "cannot start: database " + redacted(settings.database().jdbcUrl()) + ": " + reason(e),
          e);
    }
  }

  public int port() {
    return api.port();
  }

  /** {@code http://127.0.0.1:<port>} (or the configured host when it is not a wildcard). */
  public String baseUrl() {
    String host = settings.host().equals("0.0.0.0") ? "127.0.0.1" : settings.host();
    return "http://" + host + ":" + port();
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

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    ShutdownUseCase runs = injector.getInstance(ShutdownUseCase.class);
    try {
      api.beginDraining();
      if (!runs.awaitAllEnded(settings.shutdownGrace())) {
        LOG.info("grace period over: stopping the remaining generations");
      }
      int stopped = runs.stopAll(); // also refuses runs that would start from now on
      if (stopped > 0 && !runs.awaitAllEnded(FINAL_WRITES)) {
        LOG.warn("some generations did not end in time; start-up recovery will end them");
      }
      api.awaitIdle(FINAL_WRITES); // let each stream write its last event
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      housekeeping.close();
      api.stop();
      closeQuietly(injector);
      registry.close();
    }
  }

  private static void closeQuietly(Injector injector) {
    try {
      injector.getInstance(PersistenceContext.class).close();
    } catch (RuntimeException e) {
      LOG.warn("closing the database pool failed: {}", e.toString());
    }
  }

  /** A JDBC URL without its query string, where passwords may hide. */
  private static String redacted(String jdbcUrl) {
    int query = jdbcUrl.indexOf('?');
    return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
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
