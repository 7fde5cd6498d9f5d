package dev.shortlease.guardrails.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Singleton;
import com.google.inject.TypeLiteral;
import com.google.inject.multibindings.Multibinder;
import com.google.inject.name.Names;
import dev.shortlease.guardrails.guard.ConnectionHeldDuringLongCallException;
import dev.shortlease.guardrails.guard.ConnectionTracker;
import dev.shortlease.guardrails.guard.GuardMode;
import dev.shortlease.guardrails.guard.LeakCheck;
import dev.shortlease.guardrails.guard.LongCallGuard;
import dev.shortlease.guardrails.guice.fixture.RemoteCall;
import dev.shortlease.guardrails.guice.fixture.Trips.BookTripService;
import dev.shortlease.guardrails.guice.fixture.Trips.BookTripUseCase;
import dev.shortlease.guardrails.guice.fixture.Trips.FakeWeather;
import dev.shortlease.guardrails.guice.fixture.Trips.Tool;
import dev.shortlease.guardrails.guice.fixture.Trips.TripsPort;
import dev.shortlease.guardrails.guice.fixture.Trips.WeatherPort;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@link Guardrails#decorating}: the service's own decorator, inside the kit's. */
class DecoratingTest {
  private final ConnectionTracker tracker = ConnectionTracker.create();
  private final DataSource dataSource = tracker.wrap(h2());
  private final List<String> calls = new CopyOnWriteArrayList<>();

  /** Records each call it sees, then runs it. */
  private final Guardrails.Decorator recording =
      new Guardrails.Decorator() {
        @Override
        public <T> T decorate(Class<T> type, T instance) {
          Object proxy =
              Proxy.newProxyInstance(
                  type.getClassLoader(),
                  new Class<?>[] {type},
                  (self, method, args) -> {
                    calls.add(type.getSimpleName() + "." + method.getName());
                    return method.invoke(instance, args);
                  });
          return type.cast(proxy);
        }
      };

  private Injector injector(GuardMode mode) {
    return Guice.createInjector(
        Guardrails.forLongCallAnnotation(RemoteCall.class)
            .mode(mode)
            .decorating(
                type -> type == WeatherPort.class || type == TripsPort.class || type == Tool.class,
                recording)
            .wrap(
                new AbstractModule() {
                  @Override
                  protected void configure() {
                    bind(ConnectionTracker.class).toInstance(tracker);
                    bind(DataSource.class).toInstance(dataSource);
                    bind(TripsPort.class).toInstance(() -> 7);
                    bind(WeatherPort.class)
                        .annotatedWith(Names.named("raw"))
                        .to(FakeWeather.class)
                        .in(Singleton.class);
                    bind(WeatherPort.class).to(Key.get(WeatherPort.class, Names.named("raw")));
                    bind(BookTripUseCase.class).to(BookTripService.class);
                    Multibinder.newSetBinder(binder(), Tool.class)
                        .addBinding()
                        .toInstance(input -> "tool " + input);
                  }
                }));
  }

  @Test
  @DisplayName("bindings of the chosen types are decorated once; others and verify are unchanged")
  void decoratesChosenTypesOnce() {
    Injector injector = injector(GuardMode.STRICT);

    assertThat(injector.getInstance(TripsPort.class).count()).isEqualTo(7);
    assertThat(injector.getInstance(WeatherPort.class).forecast("Oslo")).isEqualTo("sunny in Oslo");
    Set<Tool> tools = injector.getInstance(Key.get(new TypeLiteral<Set<Tool>>() {}));
    assertThat(tools).extracting(tool -> tool.call("x")).containsExactly("tool x");
    assertThat(calls).containsExactly("TripsPort.count", "WeatherPort.forecast", "Tool.call");

    assertThat(LongCallGuard.isGuarded(injector.getInstance(WeatherPort.class))).isTrue();
    assertThat(LeakCheck.isChecked(injector.getInstance(BookTripUseCase.class))).isTrue();
    assertThat(injector.getInstance(WeatherPort.class))
        .isSameAs(injector.getInstance(WeatherPort.class));
    Guardrails.verify(injector);
  }

  @Test
  @DisplayName(
      "the guard runs outside the service's decorator: a strict violation never reaches it")
  void guardRunsFirst() throws Exception {
    WeatherPort weather = injector(GuardMode.STRICT).getInstance(WeatherPort.class);
    try (Connection held = dataSource.getConnection()) {
      assertThatThrownBy(() -> weather.forecast("Oslo"))
          .isInstanceOf(ConnectionHeldDuringLongCallException.class);
    }
    assertThat(calls).isEmpty();
  }

  private static DataSource h2() {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:decorating-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return h2;
  }
}
