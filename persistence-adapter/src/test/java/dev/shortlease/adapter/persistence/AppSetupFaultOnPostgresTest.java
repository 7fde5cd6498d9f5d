package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import dev.shortlease.domain.ApiKeyHash;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.AppMediaPatch;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.AppPatch;
import dev.shortlease.domain.AppUpdate;
import dev.shortlease.domain.NewApiKey;
import dev.shortlease.domain.NewApp;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * App setup is one transaction: when the last write, the media switches, fails (a trigger refuses
 * the switches of apps named {@code media-fault…}), the app and key written before it are gone.
 */
@PostgresTest
class AppSetupFaultOnPostgresTest {
  private static final String FAULT = "media-fault ";
  private static final AppMedia SWITCHES =
      new AppMedia(
          true, AppMedia.OFF.allowedKinds(), 2, AppMedia.OFF.transfers(), true, true, "", "");

  private final PersistenceContext context = SharedContexts.postgres();
  private final FilesAdapter media = new FilesAdapter(context.sessionScope());

  @BeforeEach
  void refuseSwitchesOfFaultApps() throws SQLException {
    sql(
        """
        create or replace function refuse_fault_media() returns trigger language plpgsql as $$
        begin
          if exists (select 1 from app a where a.id = new.app_id and a.name like 'media-fault %') then
            raise exception 'injected fault: app_media refused';
          end if;
          return new;
        end $$""");
    sql("drop trigger if exists refuse_fault_media on app_media");
    sql(
        "create trigger refuse_fault_media before insert or update on app_media"
            + " for each row execute function refuse_fault_media()");
  }

  @AfterEach
  void dropTrigger() throws SQLException {
    sql("drop trigger if exists refuse_fault_media on app_media");
  }

  @Test
  @DisplayName("a create whose switches fail leaves no app and no key")
  void failedSwitchesLeaveNoApp() {
    String name = FAULT + UUID.randomUUID();
    NewApiKey key = new NewApiKey(ApiKeyHash.of(ApiKeyHash.newPlainKey()), "app-flt");

    assertThatThrownBy(() -> context.appSetup().createApp(app(name), key, SWITCHES))
        .isInstanceOf(RuntimeException.class);

    assertThat(context.apps().listApps()).extracting(App::name).doesNotContain(name);
    assertThat(context.apiKeys().findAppIdByKey(key.hash())).isEmpty();
  }

  @Test
  @DisplayName("an update whose switches fail leaves the app as it was, cached or not")
  void failedSwitchesLeaveTheAppUnchanged() {
    String before = "fine " + UUID.randomUUID();
    AppId id =
        context
            .appSetup()
            .createApp(
                app(before), new NewApiKey(ApiKeyHash.of(ApiKeyHash.newPlainKey()), "app-ok"), null)
            .app()
            .id();
    context.apps().findApp(id).orElseThrow(); // cached

    AppUpdate rename =
        new AppUpdate(FAULT + UUID.randomUUID(), null, null, null, null, null, null, null);
    assertThatThrownBy(
            () ->
                context
                    .appSetup()
                    .updateApp(id, new AppPatch(rename, null, AppMediaPatch.replacing(SWITCHES))))
        .isInstanceOf(RuntimeException.class);

    assertThat(context.apps().findApp(id).orElseThrow().name()).isEqualTo(before);
    assertThat(new AppCatalogAdapter(context.sessionScope()).findApp(id).orElseThrow().name())
        .isEqualTo(before);
    assertThat(media.mediaOf(id)).isEqualTo(AppMedia.OFF);
  }

  private static NewApp app(String name) {
    return new NewApp(name, "", AppMode.CHAT, null, null, null, null);
  }

  private static void sql(String statement) throws SQLException {
    PersistenceSettings s = PostgresTestDatabase.settings();
    try (Connection connection = DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password());
        Statement st = connection.createStatement()) {
      st.execute(statement);
    }
  }
}
