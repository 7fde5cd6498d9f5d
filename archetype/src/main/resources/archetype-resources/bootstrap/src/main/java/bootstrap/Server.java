package ${package}.bootstrap;

import ${package}.adapter.persistence.PersistenceContext;
import ${package}.adapter.persistence.PersistenceModule;
import ${package}.adapter.simulated.SimulatedAnswers;
import ${package}.adapter.web.HttpApi;
#if( $withLlm == "true" )
import ${package}.adapter.llm.LlmModule;
#end
import ${package}.application.port.out.AnswerPort;
import ${package}.application.port.out.LongCall;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Module;
import com.google.inject.Stage;
import com.google.inject.util.Modules;
import dev.shortlease.guardrails.guard.ConnectionTracker;
import dev.shortlease.guardrails.guard.LongHoldSweep;
import dev.shortlease.guardrails.guice.Guardrails;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Composition root: starts the database (tracked by the guardrails' connection tracker), builds
 * the injector from each part's module with the guardrails around them, checks at start-up that
 * every long-call port is guarded and every use case leak-checked, starts the tracker's long-hold
 * sweep and serves HTTP.
 */
public final class Server implements AutoCloseable {
  static {
    // Guice's bytecode generation (for AOP) calls sun.misc.Unsafe: a warning on every start under
    // JDK 24+. Nothing here uses AOP (the guards are JDK proxies).
    if (System.getProperty("guice_bytecode_gen_option") == null) {
      System.setProperty("guice_bytecode_gen_option", "DISABLED");
    }
  }

  private final Settings settings;
  private final Injector injector;
  private final HttpApi api;
  private final PersistenceContext database;
  private final PrometheusMeterRegistry registry;
  private final LongHoldSweep longHolds; // null: off

  private Server(
      Settings settings,
      Injector injector,
      HttpApi api,
      PersistenceContext database,
      PrometheusMeterRegistry registry,
      LongHoldSweep longHolds) {
    this.settings = settings;
    this.injector = injector;
    this.api = api;
    this.database = database;
    this.registry = registry;
    this.longHolds = longHolds;
  }

  /**
   * Starts the service. {@code overrides} replace bindings of the standard modules (a test binds
   * its own {@link AnswerPort}, for example): they are guarded all the same.
   */
  public static Server start(Settings settings, Module... overrides) {
    Objects.requireNonNull(settings, "settings");
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // With the application's packages, a failure's acquiring stack shows the frames of this
    // service that took the connection even below Hibernate's twenty-odd frames ("<- the culprit").
    ConnectionTracker tracker = tracker();
    PersistenceContext database;
    try {
      database = PersistenceContext.start(settings.database(), registry, tracker::wrap);
    } catch (RuntimeException e) {
      registry.close();
      throw new IllegalStateException(
          "cannot start the database " + redacted(settings.database().jdbcUrl()) + ": " + root(e), e);
    }
    LongHoldSweep longHolds = null;
    try {
      Module service =
          Modules.combine(
              new MetricsModule(registry, tracker),
              new PersistenceModule(database),
              answers(settings),
              new ApplicationModule(),
              binder -> binder.bind(ConnectionTracker.class).toInstance(tracker));
      Module guarded =
          Guardrails.forLongCallAnnotation(LongCall.class)
              .mode(settings.guardMode())
              .wrap(Modules.override(service).with(overrides));
      Injector injector = Guice.createInjector(Stage.PRODUCTION, guarded);
      Guardrails.verify(injector);
      longHolds = longHolds(settings, tracker);
      HttpApi api = injector.getInstance(HttpApi.class).start(settings.host(), settings.port());
      return new Server(settings, injector, api, database, registry, longHolds);
    } catch (RuntimeException e) {
      if (longHolds != null) {
        longHolds.close(); // its thread would outlive a start that failed
      }
      database.close();
      registry.close();
      throw e;
    }
  }

  /**
   * The connection tracker: named after the service (the {@code tracker} tag of the guard's
   * metrics), and told which frames are this service's own, so a guard, leak or long-hold report
   * names the class of ours that took the connection, not only the framework frames above it.
   */
  static ConnectionTracker tracker() {
    return ConnectionTracker.builder()
        .name("${rootArtifactId}")
        .applicationPackages("${package}.")
        .build();
  }

  /**
   * Logs a connection held longer than {@code DB_LEAK_THRESHOLD_MS}, once, with who took it and
   * where (a leak, or a unit of work that does too much); null when the threshold is 0.
   */
  private static LongHoldSweep longHolds(Settings settings, ConnectionTracker tracker) {
    long threshold = settings.database().leakDetectionThresholdMillis();
    return threshold > 0 ? LongHoldSweep.start(tracker, Duration.ofMillis(threshold)) : null;
  }

  /** Where the example's long call goes: the simulated stand-in unless a model is configured. */
  private static Module answers(Settings settings) {
#if( $withLlm == "true" )
    if (settings.llm().isPresent()) {
      return new LlmModule(settings.llm().get());
    }
#end
    return binder ->
        binder.bind(AnswerPort.class).toInstance(new SimulatedAnswers(settings.simulatedLatency()));
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

  /** The running long-hold sweep; empty when {@code DB_LEAK_THRESHOLD_MS} is 0. */
  public Optional<LongHoldSweep> longHoldSweep() {
    return Optional.ofNullable(longHolds);
  }

  @Override
  public synchronized void close() {
    try {
      if (longHolds != null) {
        longHolds.close();
      }
      api.stop();
    } finally {
      database.close();
      registry.close();
    }
  }

  /** A JDBC URL without its query string, where passwords may hide. */
  static String redacted(String jdbcUrl) {
    int query = jdbcUrl.indexOf('?');
    return query < 0 ? jdbcUrl : jdbcUrl.substring(0, query);
  }

  private static String root(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
