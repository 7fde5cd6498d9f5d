package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.AppMediaPatch;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.AppPatch;
import dev.shortlease.domain.AppUpdate;
import dev.shortlease.domain.ModelSettings;
import dev.shortlease.domain.ModelSettingsPatch;
import dev.shortlease.domain.NewApp;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Two admins patch one app at once, through the port as the service wires it: the first patch's
 * update of the app row is held in a trigger (a second's sleep) while the second patch starts. The
 * second must wait for the first's commit and merge into its result; merged into the state it read
 * before, it would write the first's temperature back (the lost update).
 */
@PostgresTest
class ConcurrentAppPatchesOnPostgresTest {
  private static final String SLOW = "slow-patch ";

  private final PersistenceContext context = SharedContexts.postgres();

  @BeforeEach
  void slowTemperatureChanges() throws SQLException {
    sql(
        """
        create or replace function slow_patch() returns trigger language plpgsql as $$
        begin
          perform pg_sleep(1);
          return new;
        end $$""");
    sql("drop trigger if exists slow_patch on app");
    sql(
        "create trigger slow_patch before update on app for each row"
            + " when (new.name like 'slow-patch %' and new.temperature is distinct from old.temperature)"
            + " execute function slow_patch()");
  }

  @AfterEach
  void dropTrigger() throws SQLException {
    sql("drop trigger if exists slow_patch on app");
  }

  @Test
  @DisplayName("two concurrent patches of different fields of one app both survive")
  void concurrentPatchesBothSurvive() throws Exception {
    AppId id =
        context
            .apps()
            .createApp(
                new NewApp(
                    SLOW + UUID.randomUUID(),
                    "",
                    AppMode.CHAT,
                    new ModelSettings("gpt-x", null, null),
                    null,
                    null,
                    null));
    AppPatch temperature =
        new AppPatch(
            AppUpdate.NONE,
            new ModelSettingsPatch(null, 0.7, null),
            new AppMediaPatch(true, null, null, null, null, null, null, null));
    AppPatch maxTokens =
        new AppPatch(
            AppUpdate.NONE,
            new ModelSettingsPatch(null, null, 256),
            new AppMediaPatch(null, null, null, null, null, true, null, null));

    try (ExecutorService threads = Executors.newFixedThreadPool(2)) {
      Future<?> first = threads.submit(() -> context.appSetup().updateApp(id, temperature));
      awaitSleepingUpdate();
      Future<?> second = threads.submit(() -> context.appSetup().updateApp(id, maxTokens));
      first.get(10, TimeUnit.SECONDS);
      second.get(10, TimeUnit.SECONDS);
    }

    AppCatalogAdapter uncached = new AppCatalogAdapter(context.sessionScope());
    assertThat(uncached.findApp(id).orElseThrow().modelSettings())
        .isEqualTo(new ModelSettings("gpt-x", 0.7, 256));
    AppMedia media = new FilesAdapter(context.sessionScope()).mediaOf(id);
    assertThat(media.fileUpload()).as("the first patch's switch").isTrue();
    assertThat(media.textToSpeech()).as("the second patch's switch").isTrue();
  }

  /** Until the first patch's update of the app row sleeps in the trigger, holding the row. */
  private static void awaitSleepingUpdate() throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (System.nanoTime() < deadline) {
      try (Connection c = connection();
          Statement st = c.createStatement();
          ResultSet rs =
              st.executeQuery(
                  "select count(*) from pg_stat_activity where wait_event = 'PgSleep'"
                      + " and datname = current_database() and query ilike 'update %app %'")) {
        rs.next();
        if (rs.getInt(1) > 0) {
          return;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the first patch never reached the trigger");
  }

  private static Connection connection() throws SQLException {
    PersistenceSettings s = PostgresTestDatabase.settings();
    return DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password());
  }

  private static void sql(String statement) throws SQLException {
    try (Connection c = connection();
        Statement st = c.createStatement()) {
      st.execute(statement);
    }
  }
}
