package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.SQLException;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A start that fails after the pool, Hibernate and the database workers are up closes them all: the
 * registry refuses the app cache's meters, which are bound once everything else has started.
 */
abstract class FailedStartContract {

  /** Settings that {@link #openConnections} can tell apart from every other client's. */
  abstract PersistenceSettings database();

  /** Connections to the database that {@code settings} opened and still hold. */
  abstract int openConnections(PersistenceSettings settings) throws SQLException;

  @Test
  @DisplayName("a start that fails late closes the pool, Hibernate and the database workers")
  void lateFailureClosesWhatWasOpened() throws Exception {
    PersistenceSettings settings = database();
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    registry.config().meterFilter(refusing("cache"));
    AtomicReference<DataSource> tracked = new AtomicReference<>();
    Set<Thread> before = Thread.getAllStackTraces().keySet();

    assertThatThrownBy(
            () ->
                PersistenceContext.start(
                    settings,
                    registry,
                    dataSource -> {
                      tracked.set(dataSource);
                      return dataSource;
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("refused meter cache.size");

    assertThat(tracked.get().unwrap(HikariDataSource.class).isClosed()).as("pool closed").isTrue();
    assertThat(openConnections(settings)).as("connections left open").isZero();
    assertThat(startedThreadsStillAlive(before)).as("threads left running").isEmpty();
  }

  /** A filter that throws on the meters tagged {@code tag}, as a broken registry might. */
  private static MeterFilter refusing(String tag) {
    return new MeterFilter() {
      @Override
      public MeterFilterReply accept(Meter.Id id) {
        if (id.getTag(tag) != null) {
          throw new IllegalStateException("refused meter " + id.getName());
        }
        return MeterFilterReply.NEUTRAL;
      }
    };
  }

  /** The pool's, the workers' and the sweep's threads this start made, given a moment to end. */
  private static Set<String> startedThreadsStillAlive(Set<Thread> before)
      throws InterruptedException {
    long deadline = System.nanoTime() + 5_000_000_000L;
    while (true) {
      Set<String> alive = new TreeSet<>();
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        String name = t.getName();
        if (!before.contains(t)
            && (name.startsWith("db-")
                || name.startsWith("shortlease-")
                || name.startsWith("long-hold-sweep-"))) {
          alive.add(name);
        }
      }
      if (alive.isEmpty() || System.nanoTime() > deadline) {
        return alive;
      }
      Thread.sleep(50);
    }
  }
}
