package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Guice;
import com.google.inject.Injector;
import dev.shortlease.adapter.persistence.testing.H2TestDatabase;
import dev.shortlease.application.port.out.PoolMonitorPort;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.port.contract.PortSet;
import dev.shortlease.guardrails.guard.ConnectionTracker;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceModuleTest {

  @Test
  @DisplayName(
      "the modules bind every persistence port, the pool monitor and the tracker as singletons")
  void bindsEveryPort(@TempDir Path files) {
    // The media switches' port is bound by the files module, beside the persistence module.
    Injector injector =
        Guice.createInjector(
            new PersistenceModule(H2TestDatabase.newDatabase(), new SimpleMeterRegistry()),
            new FilesModule(files));
    try (PersistenceContext context = injector.getInstance(PersistenceContext.class)) {
      for (var component : PortSet.class.getRecordComponents()) {
        Object port = injector.getInstance(component.getType());
        assertThat(port).as(component.getName()).isNotNull();
        assertThat(injector.getInstance(component.getType())).isSameAs(port);
      }
      assertThat(injector.getInstance(ConnectionTracker.class)).isSameAs(context.tracker());
      assertThat(injector.getInstance(PoolMonitorPort.class).databaseReady()).isTrue();
      assertThat(Arrays.stream(PortSet.class.getRecordComponents())).hasSize(14);
    }
  }

  @Test
  @DisplayName(
      "a DataSourceDecorator bound through OptionalBinder wraps the DataSource Hibernate uses")
  void decoratedContextRunsHibernateOnTheDecoratedDataSource() {
    AtomicInteger borrowed = new AtomicInteger();
    DataSourceDecorator counting = BorrowCounting.counting(borrowed);
    try (PersistenceContext context =
        PersistenceContext.start(
            H2TestDatabase.newDatabase(), new SimpleMeterRegistry(), counting)) {
      int afterStart = borrowed.get();

      context.apps().findApp(AppId.random());

      assertThat(borrowed.get()).isGreaterThan(afterStart);
    }
  }

  @Test
  @DisplayName(
      "the leak threshold drives the tracker's long-hold sweep, HikariCP's own detector stays off")
  void leakThresholdDrivesTheLongHoldSweep() {
    PersistenceSettings defaults = H2TestDatabase.newDatabase();
    PersistenceContext context = PersistenceContext.start(defaults, new SimpleMeterRegistry());
    var sweep = context.longHoldSweep().orElseThrow();
    try (context) {
      assertThat(context.hikariLeakDetectionThresholdMillis()).isZero();
      assertThat(sweep.threshold())
          .isEqualTo(
              Duration.ofMillis(PersistenceSettings.DEFAULT_LEAK_DETECTION_THRESHOLD_MILLIS));
      assertThat(sweep.isRunning()).isTrue();
    }
    assertThat(sweep.isRunning()).as("stopped with the context").isFalse();

    PersistenceSettings off =
        new PersistenceSettings(
            defaults.jdbcUrl(),
            defaults.user(),
            defaults.password(),
            defaults.poolSize(),
            defaults.connectionTimeoutMillis(),
            0,
            defaults.maxLifetimeMillis(),
            defaults.schema(),
            defaults.appCacheTtlMillis(),
            defaults.timeouts(),
            defaults.unknownKeyCacheMillis(),
            defaults.reservedConnections());
    try (PersistenceContext withoutSweep =
        PersistenceContext.start(off, new SimpleMeterRegistry())) {
      assertThat(withoutSweep.longHoldSweep()).isEmpty();
      assertThat(withoutSweep.hikariLeakDetectionThresholdMillis()).isZero();
    }
  }
}
