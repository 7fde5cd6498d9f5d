package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.testing.H2TestDatabase;
import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.StopRequest;
import dev.shortlease.domain.TaskId;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.temporal.Temporal;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Issue 16, stop relay: 10,000 random stops in the table, and a poll of the instance's three runs
 * fetches from the database only the rows of those three tasks — counted on the JDBC result sets,
 * so a poll that read the whole window and filtered in Java (the old relay) fails here even though
 * its answer would be the same. And every time the relay uses is the database's: none of its
 * statements binds a time taken from the JVM's clock.
 */
@DisplayName(
    "Stop relay: 10,000 random stops, a poll fetches only its own runs' rows; the database's clock")
class StopRequestPollRowsTest {
  private static final Duration WINDOW = Duration.ofSeconds(10);

  @Nested
  @DisplayName("on H2")
  class OnH2 {
    @Test
    void randomStopsAreNotRead() {
      check(H2TestDatabase.newDatabase(), StopRequestRows.H2);
    }
  }

  @Nested
  @PostgresTest
  @DisplayName("on PostgreSQL")
  class OnPostgres {
    @Test
    void randomStopsAreNotRead() {
      check(PostgresTestDatabase.settings(), StopRequestRows.POSTGRES);
    }
  }

  private static void check(PersistenceSettings database, String insertRandom) {
    AtomicInteger rowsFetched = new AtomicInteger();
    List<Object> bound = new CopyOnWriteArrayList<>();
    try (PersistenceContext context =
        PersistenceContext.start(
            database,
            new SimpleMeterRegistry(),
            pool ->
                ProxyDataSourceBuilder.create(pool)
                    .afterQuery(BoundValues.into(bound))
                    .proxyResultSet()
                    .afterMethod(
                        call -> {
                          if (call.getTarget() instanceof ResultSet
                              && call.getMethod().getName().equals("next")
                              && Boolean.TRUE.equals(call.getResult())) {
                            rowsFetched.incrementAndGet();
                          }
                        })
                    .build())) {
      AppId app =
          context.apps().createApp(new NewApp("stops", null, AppMode.CHAT, null, null, null, null));
      StopRequestRows.insertRandom(context, insertRandom, app, "mallory", 10_000);
      bound.clear();
      List<StopRequest> running =
          IntStream.range(0, 3)
              .mapToObj(i -> new StopRequest(app, "user-" + i, TaskId.random()))
              .toList();
      context.stopRequests().requestStop(running.get(1));
      // a stop of a running task by someone else: read (same task), but it stops nothing
      context.stopRequests().requestStop(new StopRequest(app, "mallory", running.get(2).taskId()));

      rowsFetched.set(0);
      List<StopRequest> found = context.stopRequests().recentAmong(running, WINDOW);

      assertThat(found).containsExactly(running.get(1));
      assertThat(rowsFetched.get()).as("rows the poll fetched of 10,002").isEqualTo(2);
      context.stopRequests().forgetOlderThan(Duration.ofMinutes(1));
      assertThat(bound)
          .as("values bound by the relay's statements (stamp, poll, clean-up)")
          .isNotEmpty()
          .noneMatch(value -> value instanceof Temporal || value instanceof java.util.Date);
    }
  }
}
