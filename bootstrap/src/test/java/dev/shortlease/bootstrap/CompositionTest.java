package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.Binding;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import com.google.inject.spi.Elements;
import com.google.inject.util.Modules;
import com.sun.net.httpserver.HttpServer;
import dev.shortlease.adapter.persistence.DataSourceDecorator;
import dev.shortlease.adapter.persistence.PersistenceContext;
import dev.shortlease.adapter.persistence.PersistenceSettings;
import dev.shortlease.application.agent.Tool;
import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.port.out.EmbeddingModelPort;
import dev.shortlease.application.port.out.FileStorePort;
import dev.shortlease.application.port.out.ImageInputException;
import dev.shortlease.application.port.out.LongCall;
import dev.shortlease.application.port.out.MetricsPort;
import dev.shortlease.application.port.out.RemoteImagePort;
import dev.shortlease.application.port.out.SpeechPort;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.domain.UploadFileId;
import dev.shortlease.guardrails.guard.AcquiringStacks;
import dev.shortlease.guardrails.guard.ConnectionHeldDuringLongCallException;
import dev.shortlease.guardrails.guard.ConnectionTracker;
import dev.shortlease.guardrails.guard.LeakCheck;
import dev.shortlease.guardrails.guard.LongCallGuard;
import dev.shortlease.guardrails.guard.LongHoldSweep;
import dev.shortlease.guardrails.guice.Guardrails;
import dev.shortlease.guardrails.guice.UnguardedBindingException;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The production composition, built through the real injector by the same factory {@code
 * ShortleaseServer} uses ({@link Composition#injector}), on in-memory H2 with the simulated model:
 * every long-call binding is guarded and every use case leak-checked. The bindings are found here
 * independently of the kit (by the {@link LongCall} annotation and the in-port package), so a use
 * case the kit's naming rule missed fails too.
 */
class CompositionTest {
  private static final Key<Set<Tool>> TOOLS = Key.get(new TypeLiteral<Set<Tool>>() {});
  private static final String IN_PORTS = "dev.shortlease.application.port.in";

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private PersistenceContext database;
  private Settings settings;

  @AfterEach
  void close() {
    if (database != null) {
      database.close();
    }
    registry.close();
  }

  /** As {@code ShortleaseServer.startDecorated} does it: start the database, then compose. */
  private Injector production(Map<String, String> overrides) {
    settings = settings(overrides);
    database = PersistenceContext.start(settings.database(), registry, DataSourceDecorator.NONE);
    return Composition.injector(settings, registry, database);
  }

  private static Settings settings(Map<String, String> overrides) {
    Map<String, String> env = TestServers.env();
    env.putAll(overrides);
    return Settings.fromEnvironment(env);
  }

  @Test
  @DisplayName("every binding of a @LongCall type is guarded: the model port and each agent tool")
  void everyLongCallIsGuarded() {
    Injector injector = production(Map.of());

    List<Key<?>> longCalls = keys(settings, type -> type.isAnnotationPresent(LongCall.class));
    assertThat(longCalls)
        .extracting(key -> (Object) key.getTypeLiteral().getRawType())
        .contains(ChatModelPort.class, EmbeddingModelPort.class);
    for (Key<?> key : longCalls) {
      assertThat(LongCallGuard.isGuarded(injector.getInstance(key)))
          .as("%s is guarded", key)
          .isTrue();
    }
    Set<Tool> tools = injector.getInstance(TOOLS);
    assertThat(tools).hasSizeGreaterThanOrEqualTo(2);
    assertThat(tools).allSatisfy(tool -> assertThat(LongCallGuard.isGuarded(tool)).isTrue());
    assertThat(LongCallGuard.isGuarded(injector.getInstance(ChatModelPort.class))).isTrue();
  }

  @Test
  @DisplayName("every in-port binding is leak-checked")
  void everyUseCaseIsLeakChecked() {
    Injector injector = production(Map.of());

    List<Key<?>> useCases =
        keys(settings, type -> type.isInterface() && type.getPackageName().equals(IN_PORTS));
    assertThat(useCases).hasSizeGreaterThanOrEqualTo(10);
    for (Key<?> key : useCases) {
      assertThat(LeakCheck.isChecked(injector.getInstance(key)))
          .as("%s is leak-checked", key)
          .isTrue();
    }
  }

  @Test
  @DisplayName(
      "strict by default: a held connection stops the model, the embedding model and the tools"
          + " before they run")
  void strictGuardTripsThroughTheRealInjector() throws Exception {
    Injector injector = production(Map.of());
    ConnectionTracker tracker = injector.getInstance(ConnectionTracker.class);
    ChatModelPort model = injector.getInstance(ChatModelPort.class);
    EmbeddingModelPort embeddings = injector.getInstance(EmbeddingModelPort.class);
    Set<Tool> tools = injector.getInstance(TOOLS);

    try (Connection held = trackedH2(tracker).getConnection()) {
      assertThatThrownBy(() -> model.chat(null, token -> {}, StopSignal.never()))
          .isInstanceOf(ConnectionHeldDuringLongCallException.class)
          .hasMessageContaining("ChatModelPort.chat(");
      assertThatThrownBy(() -> embeddings.embed("any", List.of("What is shortlease?")))
          .isInstanceOf(ConnectionHeldDuringLongCallException.class)
          .hasMessageContaining("EmbeddingModelPort.embed(");
      for (Tool tool : tools) {
        assertThatThrownBy(() -> tool.call(null))
            .isInstanceOf(ConnectionHeldDuringLongCallException.class);
      }
    }
    assertThat(tracker.guardViolations()).isEqualTo(2 + tools.size());
  }

  @Test
  @DisplayName("strict: a held connection stops the speech models and the file store too")
  void strictGuardCoversSpeechAndFiles() throws Exception {
    Injector injector = production(Map.of());
    ConnectionTracker tracker = injector.getInstance(ConnectionTracker.class);
    SpeechPort speech = injector.getInstance(SpeechPort.class);
    FileStorePort files = injector.getInstance(FileStorePort.class);

    try (Connection held = trackedH2(tracker).getConnection()) {
      assertThatThrownBy(() -> speech.transcribe(null))
          .isInstanceOf(ConnectionHeldDuringLongCallException.class)
          .hasMessageContaining("SpeechPort.transcribe(");
      assertThatThrownBy(() -> speech.speak("hi", ""))
          .isInstanceOf(ConnectionHeldDuringLongCallException.class);
      assertThatThrownBy(() -> files.read(UploadFileId.random()))
          .isInstanceOf(ConnectionHeldDuringLongCallException.class)
          .hasMessageContaining("FileStorePort.read(");
      assertThatThrownBy(() -> files.walk(null, 100, Instant.now()))
          .isInstanceOf(ConnectionHeldDuringLongCallException.class)
          .hasMessageContaining("FileStorePort.walk(");
    }
    assertThat(tracker.guardViolations()).isEqualTo(4);
  }

  @Test
  @DisplayName(
      "strict: a held connection stops a remote image download before it connects; released, the"
          + " download works")
  void strictGuardCoversRemoteImages() throws Exception {
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 26, '\n', 1, 2, 3};
    AtomicInteger requests = new AtomicInteger();
    HttpServer images = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    images.createContext(
        "/",
        exchange -> {
          requests.incrementAndGet();
          exchange.getResponseHeaders().set("Content-Type", "image/png");
          exchange.sendResponseHeaders(200, png.length);
          exchange.getResponseBody().write(png);
          exchange.close();
        });
    images.start();
    try {
      Injector injector = production(Map.of("REMOTE_IMAGE_ALLOW_PRIVATE_ADDRESSES", "true"));
      ConnectionTracker tracker = injector.getInstance(ConnectionTracker.class);
      RemoteImagePort remote = injector.getInstance(RemoteImagePort.class);
      URI url = URI.create("http://127.0.0.1:" + images.getAddress().getPort() + "/a.png");

      assertThat(LongCallGuard.isGuarded(remote)).isTrue();
      try (Connection held = trackedH2(tracker).getConnection()) {
        assertThatThrownBy(() -> remote.fetch(url, StopSignal.never()))
            .isInstanceOf(ConnectionHeldDuringLongCallException.class)
            .hasMessageContaining("RemoteImagePort.fetch(");
      }
      assertThat(requests).as("requests made while the connection was held").hasValue(0);
      assertThat(tracker.guardViolations()).isEqualTo(1);
      assertThat(remote.fetch(url, StopSignal.never()).data()).isEqualTo(png);
      assertThat(requests).hasValue(1);
    } finally {
      images.stop(0);
    }
  }

  @Test
  @DisplayName("by default the real injector's remote image download refuses this host")
  void remoteImagesRefusePrivateAddressesByDefault() {
    RemoteImagePort remote = production(Map.of()).getInstance(RemoteImagePort.class);

    assertThatThrownBy(
            () -> remote.fetch(URI.create("http://127.0.0.1:9/a.png"), StopSignal.never()))
        .isInstanceOf(ImageInputException.class)
        .hasMessageContaining("its address is not allowed");
  }

  @Test
  @DisplayName("GUARD_MODE=warn counts and lets the call through; GUARD_MODE=off checks nothing")
  void guardModeComesFromTheSetting() throws Exception {
    Injector warn = production(Map.of("GUARD_MODE", "warn"));
    ConnectionTracker tracker = warn.getInstance(ConnectionTracker.class);
    Tool tool = warn.getInstance(TOOLS).iterator().next();
    try (Connection held = trackedH2(tracker).getConnection()) {
      assertThat(tool.name()).isNotBlank();
    }
    assertThat(tracker.guardViolations()).isEqualTo(1);
    database.close();

    Injector off = production(Map.of("GUARD_MODE", "off"));
    ConnectionTracker offTracker = off.getInstance(ConnectionTracker.class);
    Tool offTool = off.getInstance(TOOLS).iterator().next();
    try (Connection held = trackedH2(offTracker).getConnection()) {
      assertThat(offTool.name()).isNotBlank();
    }
    assertThat(offTracker.guardViolations()).isZero();
  }

  @Test
  @DisplayName(
      "acquiring stacks: after the first report by default, so that report has none and later"
          + " ones do; GUARD_STACKS=every-checkout records every one")
  void acquiringStacksComeFromTheSetting() throws Exception {
    Injector injector = production(Map.of());
    ConnectionTracker tracker = injector.getInstance(ConnectionTracker.class);
    Tool tool = injector.getInstance(TOOLS).iterator().next();
    assertThat(tracker.acquiringStacks()).isEqualTo(AcquiringStacks.AFTER_FIRST_REPORT);
    assertThat(tracker.recordingStacks()).isFalse();

    try (Connection held = holdInANamedMethod(tracker)) {
      assertThatThrownBy(() -> tool.call(null))
          .isInstanceOf(ConnectionHeldDuringLongCallException.class)
          .hasMessageContaining("not recorded");
    }
    try (Connection held = holdInANamedMethod(tracker)) {
      assertThatThrownBy(() -> tool.call(null))
          .isInstanceOf(ConnectionHeldDuringLongCallException.class)
          .hasMessageContaining("holdInANamedMethod");
    }
    database.close();

    Injector every = production(Map.of("GUARD_STACKS", "every-checkout"));
    ConnectionTracker everyTracker = every.getInstance(ConnectionTracker.class);
    assertThat(everyTracker.acquiringStacks()).isEqualTo(AcquiringStacks.EVERY_CHECKOUT);
    assertThat(everyTracker.recordingStacks()).isTrue();
  }

  private Connection holdInANamedMethod(ConnectionTracker tracker) throws SQLException {
    return trackedH2(tracker).getConnection();
  }

  @Test
  @DisplayName(
      "the same modules without the kit build, but verify refuses them, naming each binding")
  void withoutTheKitVerifyFails() {
    Settings settings = settings(Map.of());
    database = PersistenceContext.start(settings.database(), registry, DataSourceDecorator.NONE);
    Injector bare =
        Guice.createInjector(Stage.PRODUCTION, Composition.modules(settings, registry, database));

    assertThat(LongCallGuard.isGuarded(bare.getInstance(ChatModelPort.class))).isFalse();
    assertThatThrownBy(() -> Guardrails.verify(bare))
        .isInstanceOf(UnguardedBindingException.class)
        .hasMessageContaining("no Guardrails.wrap");
    assertThatThrownBy(() -> Composition.rules(settings).verifyAgainst(bare))
        .isInstanceOfSatisfying(
            UnguardedBindingException.class,
            e ->
                assertThat(e.problems())
                    .anySatisfy(
                        p -> assertThat(p).contains("ChatModelPort @RawModel", "not guarded"))
                    .anySatisfy(p -> assertThat(p).contains("SendMessageUseCase", "leak-checked"))
                    .filteredOn(p -> p.contains("Tool"))
                    .hasSizeGreaterThanOrEqualTo(2));
  }

  @Test
  @DisplayName("a long call bound outside the kit's wrap fails verification at start-up")
  void bindingOutsideTheWrapFails() {
    Settings settings = settings(Map.of());
    database = PersistenceContext.start(settings.database(), registry, DataSourceDecorator.NONE);
    ChatModelPort unguarded = (request, tokens, stop) -> null;
    Injector injector =
        Guice.createInjector(
            Stage.PRODUCTION,
            Modules.override(
                    Composition.guarded(
                        settings, Composition.modules(settings, registry, database)))
                .with(binder -> binder.bind(ChatModelPort.class).toInstance(unguarded)));

    assertThatThrownBy(() -> Guardrails.verify(injector))
        .isInstanceOf(UnguardedBindingException.class)
        .hasMessageContaining("ChatModelPort")
        .hasMessageContaining("not guarded");
  }

  @Test
  @DisplayName(
      "guard violations, leaks, held connections, lease time and stack recording are on /metrics")
  void guardMetricsAreScraped() {
    Injector injector = production(Map.of());

    assertThat(injector.getInstance(MetricsPort.class).scrape())
        .contains("guardrails_long_call_violations_total")
        .contains("guardrails_connection_leaks_total")
        .contains("guardrails_connections_held")
        .contains("guardrails_connections_acquired_total")
        .contains("guardrails_connections_lease_seconds_sum")
        .contains("guardrails_acquiring_stacks_recorded{tracker=\"shortlease-");
  }

  @Test
  @DisplayName(
      "the tracker's long-hold sweep, the second net of rule R7, runs by default; HikariCP's is off")
  void longHoldSweepIsOnByDefault() {
    Injector injector = production(Map.of());
    PersistenceContext context = injector.getInstance(PersistenceContext.class);

    assertThat(context.hikariLeakDetectionThresholdMillis())
        .as("read from the HikariDataSource the production settings built: no stack per checkout")
        .isZero();
    LongHoldSweep sweep = context.longHoldSweep().orElseThrow();
    assertThat(sweep.threshold())
        .isEqualTo(Duration.ofMillis(PersistenceSettings.DEFAULT_LEAK_DETECTION_THRESHOLD_MILLIS))
        .isEqualTo(Duration.ofSeconds(10));
    assertThat(sweep.period()).isEqualTo(Duration.ofSeconds(5));
    assertThat(sweep.isRunning()).isTrue();
  }

  /**
   * The keys the service's own modules bind whose type {@code type} accepts, read from the modules
   * without the kit (Guice SPI), so this test does not trust the kit to find them. Multibinder
   * elements are left out (their keys differ per recording): the sets are checked by their values.
   */
  private List<Key<?>> keys(Settings settings, Predicate<Class<?>> type) {
    return Elements.getElements(Stage.PRODUCTION, Composition.modules(settings, registry, database))
        .stream()
        .filter(element -> element instanceof Binding<?>)
        .map(element -> ((Binding<?>) element).getKey())
        .filter(key -> type.test(key.getTypeLiteral().getRawType()))
        .filter(key -> !String.valueOf(key.getAnnotationType()).endsWith("internal.Element"))
        .distinct()
        .<Key<?>>map(key -> key)
        .toList();
  }

  /** Another data source seen by the service's own tracker: a connection from it counts as held. */
  private static DataSource trackedH2(ConnectionTracker tracker) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:held-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return tracker.wrap(h2);
  }
}
