package dev.shortlease.guardrails.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import com.google.inject.Stage;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.MapBinder;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.multibindings.ProvidesIntoSet;
import com.google.inject.name.Names;
import com.google.inject.util.Modules;
import dev.shortlease.guardrails.guard.ConnectionHeldDuringLongCallException;
import dev.shortlease.guardrails.guard.ConnectionTracker;
import dev.shortlease.guardrails.guard.GuardMode;
import dev.shortlease.guardrails.guard.LeakCheck;
import dev.shortlease.guardrails.guard.LongCallGuard;
import dev.shortlease.guardrails.guice.fixture.RemoteCall;
import dev.shortlease.guardrails.guice.fixture.Trips.BookTripService;
import dev.shortlease.guardrails.guice.fixture.Trips.BookTripUseCase;
import dev.shortlease.guardrails.guice.fixture.Trips.EchoTool;
import dev.shortlease.guardrails.guice.fixture.Trips.FakeWeather;
import dev.shortlease.guardrails.guice.fixture.Trips.Tool;
import dev.shortlease.guardrails.guice.fixture.Trips.TripsPort;
import dev.shortlease.guardrails.guice.fixture.Trips.WeatherPort;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class GuardrailsTest {
  private static final Key<Set<Tool>> TOOLS = Key.get(new TypeLiteral<Set<Tool>>() {});

  private final ConnectionTracker tracker = ConnectionTracker.create();
  private final DataSource dataSource = tracker.wrap(h2());
  private final TripsPort trips = () -> 7;

  /** The consumer's modules, written without any kit type. */
  private Module infrastructure() {
    return new AbstractModule() {
      @Override
      protected void configure() {
        bind(ConnectionTracker.class).toInstance(tracker);
        bind(DataSource.class).toInstance(dataSource);
        bind(TripsPort.class).toInstance(trips);
      }
    };
  }

  private static Module application() {
    return new AbstractModule() {
      @Override
      protected void configure() {
        bind(WeatherPort.class).to(FakeWeather.class).in(Singleton.class);
        bind(BookTripUseCase.class).to(BookTripService.class).in(Singleton.class);
        Multibinder<Tool> tools = Multibinder.newSetBinder(binder(), Tool.class);
        tools.addBinding().to(EchoTool.class);
        tools.addBinding().toInstance(input -> "instance " + input);
        MapBinder.newMapBinder(binder(), String.class, Tool.class)
            .addBinding("echo")
            .to(EchoTool.class);
      }

      @ProvidesIntoSet
      Tool provided() {
        return input -> "provided " + input;
      }
    };
  }

  private Injector guarded(GuardMode mode) {
    return Guice.createInjector(
        Guardrails.forLongCallAnnotation(RemoteCall.class)
            .mode(mode)
            .wrap(infrastructure(), application()));
  }

  @Test
  @DisplayName("a linked long-call binding is guarded, keeps its scope, and throws when strict")
  void linkedLongCallIsGuarded() throws Exception {
    Injector injector = guarded(GuardMode.STRICT);
    WeatherPort weather = injector.getInstance(WeatherPort.class);

    assertThat(LongCallGuard.isGuarded(weather)).isTrue();
    assertThat(injector.getInstance(WeatherPort.class)).isSameAs(weather);
    assertThat(weather.forecast("Oslo")).isEqualTo("sunny in Oslo");
    try (Connection held = dataSource.getConnection()) {
      assertThatThrownBy(() -> weather.forecast("Oslo"))
          .isInstanceOf(ConnectionHeldDuringLongCallException.class)
          .hasMessageContaining("WeatherPort.forecast(String)");
    }
    assertThat(tracker.guardViolations()).isEqualTo(1);
  }

  @Test
  @DisplayName("every multibinder and map-binder element of a long-call type is guarded")
  void multibinderElementsAreGuarded() throws Exception {
    Injector injector = guarded(GuardMode.STRICT);
    Set<Tool> tools = injector.getInstance(TOOLS);
    Map<String, Tool> byName =
        injector.getInstance(Key.get(new TypeLiteral<Map<String, Tool>>() {}));

    assertThat(tools)
        .hasSize(3)
        .allSatisfy(tool -> assertThat(LongCallGuard.isGuarded(tool)).isTrue());
    assertThat(tools).extracting(tool -> tool.call("x")).contains("x", "instance x", "provided x");
    assertThat(LongCallGuard.isGuarded(byName.get("echo"))).isTrue();
    try (Connection held = dataSource.getConnection()) {
      for (Tool tool : tools) {
        assertThatThrownBy(() -> tool.call("x"))
            .isInstanceOf(ConnectionHeldDuringLongCallException.class);
      }
    }
    assertThat(tracker.guardViolations()).isEqualTo(3);
  }

  @Test
  @DisplayName("a use-case binding is leak-checked, and each call is a unit of work")
  void useCaseIsLeakChecked() {
    Injector injector = guarded(GuardMode.STRICT);
    BookTripUseCase book = injector.getInstance(BookTripUseCase.class);

    assertThat(LeakCheck.isChecked(book)).isTrue();
    assertThat(book.book("Rome", false)).isEqualTo("sunny in Rome");
    assertThat(tracker.leaks()).isZero();

    assertThatThrownBy(() -> book.book("Rome", true))
        .as("the leaked connection is still held when the use case calls the weather port")
        .isInstanceOf(ConnectionHeldDuringLongCallException.class);
    assertThat(tracker.leaks()).isEqualTo(1);
  }

  @Test
  @DisplayName("bindings of other types are replayed untouched")
  void otherBindingsUntouched() {
    Injector injector = guarded(GuardMode.STRICT);

    assertThat(injector.getInstance(TripsPort.class)).isSameAs(trips);
    assertThat(injector.getInstance(DataSource.class)).isSameAs(dataSource);
  }

  @Test
  @DisplayName("warn mode lets the call through, logs once per call site and counts every time")
  void warnModeCounts() throws Exception {
    WeatherPort weather = guarded(GuardMode.WARN).getInstance(WeatherPort.class);

    try (Connection held = dataSource.getConnection()) {
      for (int i = 0; i < 3; i++) {
        assertThat(weather.forecast("Oslo")).isEqualTo("sunny in Oslo");
      }
    }
    assertThat(tracker.guardViolations()).isEqualTo(3);
    assertThat(tracker.guardViolationsBySite()).hasSize(1);
  }

  @Test
  @DisplayName("off mode still decorates (verify passes) but checks nothing")
  void offModeChecksNothing() throws Exception {
    Injector injector = guarded(GuardMode.OFF);
    WeatherPort weather = injector.getInstance(WeatherPort.class);

    try (Connection held = dataSource.getConnection()) {
      assertThat(weather.forecast("Oslo")).isEqualTo("sunny in Oslo");
    }
    assertThat(tracker.guardViolations()).isZero();
    Guardrails.verify(injector);
  }

  @Test
  @DisplayName("verify passes on a wrapped injector and reports what it found")
  void verifyPassesWhenWrapped() {
    Injector injector = guarded(GuardMode.STRICT);

    Guardrails.verify(injector);
    var report = Guardrails.forLongCallAnnotation(RemoteCall.class).report(injector);
    assertThat(report.problems()).isEmpty();
    assertThat(report.guarded())
        .contains(Key.get(WeatherPort.class))
        .filteredOn(key -> key.getTypeLiteral().getRawType() == Tool.class)
        .hasSize(4);
    assertThat(report.leakChecked()).containsExactly(Key.get(BookTripUseCase.class));
  }

  @Test
  @DisplayName("verify fails on an injector built without the kit, naming every unwrapped binding")
  void verifyFailsWithoutWrap() {
    Injector plain = Guice.createInjector(infrastructure(), application());

    assertThatThrownBy(() -> Guardrails.verify(plain))
        .isInstanceOf(UnguardedBindingException.class)
        .hasMessageContaining("no Guardrails.wrap");
    assertThatThrownBy(
            () -> Guardrails.forLongCallAnnotation(RemoteCall.class).verifyAgainst(plain))
        .isInstanceOfSatisfying(
            UnguardedBindingException.class,
            e ->
                assertThat(e.problems())
                    .hasSize(6)
                    .anySatisfy(p -> assertThat(p).contains("WeatherPort", "not guarded"))
                    .anySatisfy(p -> assertThat(p).contains("BookTripUseCase", "not leak-checked"))
                    .filteredOn(p -> p.contains("Tool"))
                    .hasSize(4));
  }

  @Test
  @DisplayName("verify fails when an override outside the wrap rebinds a long call")
  void verifyFailsOnBindingOutsideTheWrap() {
    Module wrapped =
        Guardrails.forLongCallAnnotation(RemoteCall.class).wrap(infrastructure(), application());
    Injector injector =
        Guice.createInjector(
            Modules.override(wrapped)
                .with(binder -> binder.bind(WeatherPort.class).toInstance(city -> "raw")));

    assertThatThrownBy(() -> Guardrails.verify(injector))
        .isInstanceOfSatisfying(
            UnguardedBindingException.class,
            e ->
                assertThat(e.problems())
                    .singleElement()
                    .asString()
                    .contains("WeatherPort", "@RemoteCall", "not guarded"));
  }

  @Test
  @DisplayName("a long call linked to a qualified binding of its own type is guarded once")
  void linkToSameTypeGuardsOnce() throws Exception {
    Module raw =
        new AbstractModule() {
          @Override
          protected void configure() {
            bind(WeatherPort.class).annotatedWith(Names.named("raw")).toInstance(new FakeWeather());
            bind(WeatherPort.class).to(Key.get(WeatherPort.class, Names.named("raw")));
          }
        };
    Injector injector =
        Guice.createInjector(
            Guardrails.forLongCallAnnotation(RemoteCall.class)
                .mode(GuardMode.WARN)
                .wrap(binder -> binder.bind(ConnectionTracker.class).toInstance(tracker), raw));

    try (Connection held = dataSource.getConnection()) {
      injector.getInstance(WeatherPort.class).forecast("Oslo");
    }
    assertThat(tracker.guardViolations()).isEqualTo(1);
    Guardrails.verify(injector);
  }

  /** A provider class, bound by key. */
  static final class WeatherProvider implements jakarta.inject.Provider<WeatherPort> {
    static final java.util.concurrent.atomic.AtomicInteger CREATED =
        new java.util.concurrent.atomic.AtomicInteger();

    @Override
    public WeatherPort get() {
      CREATED.incrementAndGet();
      return new FakeWeather();
    }
  }

  @Test
  @DisplayName("provider-key, @Provides and eager-singleton bindings are rewritten, scope kept")
  void otherBindingKindsKeepTheirScope() {
    WeatherProvider.CREATED.set(0);
    Module module =
        new AbstractModule() {
          @Override
          protected void configure() {
            bind(WeatherPort.class).toProvider(WeatherProvider.class).asEagerSingleton();
            bind(BookTripUseCase.class).to(BookTripService.class);
          }

          @Provides
          @Singleton
          Tool tool() {
            return new EchoTool();
          }
        };
    Injector injector =
        Guice.createInjector(
            Guardrails.forLongCallAnnotation(RemoteCall.class).wrap(infrastructure(), module));

    assertThat(WeatherProvider.CREATED).as("eager: built at start-up, once").hasValue(1);
    WeatherPort weather = injector.getInstance(WeatherPort.class);
    assertThat(LongCallGuard.isGuarded(weather)).isTrue();
    assertThat(injector.getInstance(WeatherPort.class)).isSameAs(weather);
    assertThat(WeatherProvider.CREATED).hasValue(1);
    Tool tool = injector.getInstance(Tool.class);
    assertThat(LongCallGuard.isGuarded(tool)).isTrue();
    assertThat(injector.getInstance(Tool.class)).isSameAs(tool);
    BookTripUseCase unscoped = injector.getInstance(BookTripUseCase.class);
    assertThat(LeakCheck.isChecked(unscoped)).isTrue();
    assertThat(injector.getInstance(BookTripUseCase.class))
        .as("unscoped stays unscoped")
        .isNotSameAs(unscoped);
    Guardrails.verify(injector);
  }

  @Test
  @DisplayName("the annotation may be named by class name; extra types may be declared")
  void annotationByNameAndExtraTypes() {
    Injector injector =
        Guice.createInjector(
            Stage.PRODUCTION,
            Guardrails.forLongCallAnnotation(RemoteCall.class.getName())
                .alsoLongCalls(TripsPort.class)
                .wrap(infrastructure(), application()));

    assertThat(LongCallGuard.isGuarded(injector.getInstance(WeatherPort.class))).isTrue();
    assertThat(LongCallGuard.isGuarded(injector.getInstance(TripsPort.class))).isTrue();
    Guardrails.verify(injector);
  }

  /** A family of remote clients: the annotation sits on the common super-interface. */
  @RemoteCall
  interface RemoteClient {}

  interface FxPort extends RemoteClient {
    double rate(String currency);
  }

  @Test
  @DisplayName("an interface extending an annotated one is a long call, as the static rule sees it")
  void annotationOnASuperInterface() {
    for (Guardrails rules :
        List.of(
            Guardrails.forLongCallAnnotation(RemoteCall.class),
            Guardrails.forLongCallAnnotation(RemoteCall.class.getName()))) {
      Injector injector =
          Guice.createInjector(
              rules.wrap(
                  infrastructure(), binder -> binder.bind(FxPort.class).toInstance(c -> 1.0)));

      assertThat(LongCallGuard.isGuarded(injector.getInstance(FxPort.class))).isTrue();
    }
  }

  @Test
  @DisplayName("a custom use-case rule decides what is leak-checked")
  void customUseCaseRule() {
    Injector injector =
        Guice.createInjector(
            Guardrails.forLongCallAnnotation(RemoteCall.class)
                .useCases(type -> type == TripsPort.class)
                .wrap(infrastructure(), application()));

    assertThat(LeakCheck.isChecked(injector.getInstance(TripsPort.class))).isTrue();
    assertThat(LeakCheck.isChecked(injector.getInstance(BookTripUseCase.class))).isFalse();
  }

  /** Deliberately without runtime retention. */
  @Retention(RetentionPolicy.CLASS)
  @interface Invisible {}

  @Test
  @DisplayName("an annotation the JVM cannot see at run time is refused")
  void refusesInvisibleAnnotation() {
    assertThatThrownBy(() -> Guardrails.forLongCallAnnotation(Invisible.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("RUNTIME");
  }

  @Test
  @DisplayName("modules that need the guard but bind no tracker fail at injector creation")
  void needsATracker() {
    assertThatThrownBy(
            () ->
                Guice.createInjector(
                    Guardrails.forLongCallAnnotation(RemoteCall.class)
                        .wrap(binder -> binder.bind(WeatherPort.class).to(FakeWeather.class))))
        .hasMessageContaining("ConnectionTracker")
        .hasMessageContaining("bind the ConnectionTracker your DataSource is wrapped with");
  }

  private static DataSource h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:guice-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return h2;
  }
}
