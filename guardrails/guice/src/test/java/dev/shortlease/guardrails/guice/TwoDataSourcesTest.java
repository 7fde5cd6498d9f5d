package dev.shortlease.guardrails.guice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import com.google.inject.Key;
import com.google.inject.Module;
import com.google.inject.Singleton;
import dev.shortlease.guardrails.guard.ConnectionHeldDuringLongCallException;
import dev.shortlease.guardrails.guard.ConnectionTracker;
import dev.shortlease.guardrails.guard.GuardMetrics;
import dev.shortlease.guardrails.guice.fixture.RemoteCall;
import dev.shortlease.guardrails.guice.fixture.Reporting;
import dev.shortlease.guardrails.guice.fixture.Trips.FakeWeather;
import dev.shortlease.guardrails.guice.fixture.Trips.WeatherPort;
import dev.shortlease.guardrails.guice.fixture.TwoDatabasesModule;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A service with two DataSources (a primary and a reporting database) through the real injector:
 * one tracker per DataSource, each bound with the DataSource's qualifier, all of them guarding
 * every long call and leak-checking every use case; metrics stay per tracker.
 */
class TwoDataSourcesTest {
  private final DataSource primaryPool = h2("primary");
  private final DataSource reportingPool = h2("reporting");

  /** A use case that reads the reporting database, then asks the weather. */
  public interface ReportUseCase {
    String report(boolean leak) throws SQLException;
  }

  public static final class ReportService implements ReportUseCase {
    private final DataSource reporting;
    private final WeatherPort weather;

    @Inject
    public ReportService(@Reporting DataSource reporting, WeatherPort weather) {
      this.reporting = reporting;
      this.weather = weather;
    }

    @Override
    public String report(boolean leak) throws SQLException {
      Connection connection = reporting.getConnection();
      if (!leak) {
        connection.close();
      }
      return weather.forecast("Oslo");
    }
  }

  private static Module application() {
    return new AbstractModule() {
      @Override
      protected void configure() {
        bind(WeatherPort.class).to(FakeWeather.class).in(Singleton.class);
        bind(ReportUseCase.class).to(ReportService.class);
      }
    };
  }

  private Injector injector() {
    Module app =
        Guardrails.forLongCallAnnotation(RemoteCall.class)
            .wrap(new TwoDatabasesModule(primaryPool, reportingPool), application());
    Injector injector = Guice.createInjector(app);
    Guardrails.verify(injector);
    return injector;
  }

  @Test
  @DisplayName("a connection of the second DataSource stops a long call, counted by its tracker")
  void secondDataSourceIsGuarded() throws Exception {
    Injector injector = injector();
    ConnectionTracker primary = injector.getInstance(ConnectionTracker.class);
    ConnectionTracker reporting = reporting(injector);
    WeatherPort weather = injector.getInstance(WeatherPort.class);

    try (Connection held =
        injector.getInstance(Key.get(DataSource.class, Reporting.class)).getConnection()) {
      assertThatThrownBy(() -> weather.forecast("Oslo"))
          .isInstanceOf(ConnectionHeldDuringLongCallException.class)
          .hasMessageContaining("tracker reporting: thread");
    }
    try (Connection held = injector.getInstance(DataSource.class).getConnection()) {
      assertThatThrownBy(() -> weather.forecast("Oslo"))
          .isInstanceOf(ConnectionHeldDuringLongCallException.class)
          .hasMessageContaining("tracker primary: thread");
    }
    assertThat(weather.forecast("Oslo")).isEqualTo("sunny in Oslo");
    assertThat(reporting.guardViolations()).isEqualTo(1);
    assertThat(primary.guardViolations()).isEqualTo(1);
  }

  @Test
  @DisplayName("a use case leaking a connection of the second DataSource is caught and counted")
  void secondDataSourceIsLeakChecked() throws Exception {
    Injector injector = injector();
    ReportUseCase report = injector.getInstance(ReportUseCase.class);

    assertThat(report.report(false)).isEqualTo("sunny in Oslo");
    assertThatThrownBy(() -> report.report(true))
        .isInstanceOf(ConnectionHeldDuringLongCallException.class);
    assertThat(reporting(injector).leaks()).isEqualTo(1);
    assertThat(injector.getInstance(ConnectionTracker.class).leaks()).isZero();
  }

  @Test
  @DisplayName("one unit of work spans every tracker: handed on through the primary one")
  void unitOfWorkIsShared() throws Exception {
    Injector injector = injector();
    ConnectionTracker primary = injector.getInstance(ConnectionTracker.class);
    WeatherPort weather = injector.getInstance(WeatherPort.class);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (var work = primary.beginUnitOfWork();
        Connection held =
            injector.getInstance(Key.get(DataSource.class, Reporting.class)).getConnection()) {
      pool.submit(
              primary.propagate(
                  () -> {
                    try {
                      weather.forecast("Oslo");
                    } catch (RuntimeException e) {
                      failure.set(e);
                    }
                  }))
          .get();
    } finally {
      pool.shutdown();
    }
    assertThat(failure.get()).isInstanceOf(ConnectionHeldDuringLongCallException.class);
  }

  @Test
  @DisplayName("metrics stay per DataSource: one series per tracker name")
  void metricsPerTracker() throws Exception {
    Injector injector = injector();
    MeterRegistry registry = new SimpleMeterRegistry();
    new GuardMetrics(injector.getInstance(ConnectionTracker.class)).bindTo(registry);
    new GuardMetrics(injector.getInstance(Key.get(ConnectionTracker.class, Reporting.class)))
        .bindTo(registry);

    try (Connection one = injector.getInstance(DataSource.class).getConnection();
        Connection two =
            injector.getInstance(Key.get(DataSource.class, Reporting.class)).getConnection();
        Connection three =
            injector.getInstance(Key.get(DataSource.class, Reporting.class)).getConnection()) {
      assertThat(held(registry, "primary")).isEqualTo(1);
      assertThat(held(registry, "reporting")).isEqualTo(2);
    }
  }

  @Test
  @DisplayName("one tracker for both DataSources still guards both, but merges their metrics")
  void oneSharedTrackerMergesMetrics() throws Exception {
    ConnectionTracker shared = ConnectionTracker.builder().name("shared").build();
    Module databases =
        new AbstractModule() {
          @Override
          protected void configure() {
            bind(ConnectionTracker.class).toInstance(shared);
            bind(DataSource.class).toInstance(shared.wrap(primaryPool));
            bind(DataSource.class)
                .annotatedWith(Reporting.class)
                .toInstance(shared.wrap(reportingPool));
          }
        };
    Injector injector =
        Guice.createInjector(
            Guardrails.forLongCallAnnotation(RemoteCall.class).wrap(databases, application()));
    MeterRegistry registry = new SimpleMeterRegistry();
    new GuardMetrics(shared).bindTo(registry);

    try (Connection one = injector.getInstance(DataSource.class).getConnection();
        Connection two =
            injector.getInstance(Key.get(DataSource.class, Reporting.class)).getConnection()) {
      assertThatThrownBy(() -> injector.getInstance(WeatherPort.class).forecast("Oslo"))
          .isInstanceOf(ConnectionHeldDuringLongCallException.class);
      assertThat(held(registry, "shared")).as("both pools in one series").isEqualTo(2);
    }
  }

  @Test
  @DisplayName("docs/guardrails.md shows the module and the wiring this test runs")
  void documentedSnippetIsThisCode() throws Exception {
    String doc = Files.readString(Path.of("../../docs/guardrails.md"));
    int start = doc.indexOf("### Several DataSources");
    assertThat(start).as("the section in docs/guardrails.md").isPositive();
    String section = doc.substring(start);
    int open = section.indexOf("```java") + "```java".length();
    String snippet = section.substring(open, section.indexOf("```", open));
    String code =
        Files.readString(
                Path.of(
                    "src/test/java/dev/shortlease/guardrails/guice/fixture/TwoDatabasesModule.java"))
            + Files.readString(
                Path.of("src/test/java/dev/shortlease/guardrails/guice/TwoDataSourcesTest.java"));
    List<String> codeLines = code.lines().map(String::strip).toList();
    assertThat(
            snippet
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("//"))
                .toList())
        .isNotEmpty()
        .allSatisfy(line -> assertThat(codeLines).contains(line));
  }

  private static ConnectionTracker reporting(Injector injector) {
    return injector.getInstance(Key.get(ConnectionTracker.class, Reporting.class));
  }

  private static double held(MeterRegistry registry, String tracker) {
    return registry.get(GuardMetrics.HELD).tag("tracker", tracker).gauge().value();
  }

  private static DataSource h2(String name) {
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:" + name + "-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
    return h2;
  }
}
