package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortlease.adapter.persistence.PersistenceSettings;
import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A failed {@code POST} or {@code PATCH /admin/apps} changes nothing: a trigger refuses the media
 * switches of apps named {@code media-fault …}, the last of the request's writes.
 */
@PostgresTest
class AdminAppsAtomicOnPostgresTest {
  private static final String ADMIN = TestServers.ADMIN_TOKEN;
  private static ShortleaseServer server;
  private static Api api;

  @BeforeAll
  static void start() throws SQLException {
    Map<String, String> env = TestServers.env();
    env.put("DATABASE_URL", PostgresTestDatabase.settings().jdbcUrl());
    server = ShortleaseServer.start(Settings.fromEnvironment(env));
    api = new Api(server);
    // After the start: Flyway creates the tables then.
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

  @AfterAll
  static void stop() throws SQLException {
    if (server != null) {
      server.close();
    }
    sql("drop trigger if exists refuse_fault_media on app_media");
  }

  @Test
  @DisplayName("a create whose switches fail answers 5xx and leaves no app (nor a key)")
  void failedCreateLeavesNoApp() {
    String name = "media-fault " + UUID.randomUUID();

    Api.Reply reply =
        api.post(
            "/admin/apps",
            ADMIN,
            "{\"name\":\"" + name + "\",\"mode\":\"chat\",\"speech_to_text\":{\"enabled\":true}}");

    assertThat(reply.status()).as(reply.text()).isGreaterThanOrEqualTo(500);
    assertThat(api.allApps(ADMIN)).extracting(app -> app.get("name").asText()).doesNotContain(name);
  }

  @Test
  @DisplayName("an update whose switches fail answers 5xx and leaves the app as it was")
  void failedUpdateLeavesTheApp() {
    Api.Reply created = api.post("/admin/apps", ADMIN, "{\"name\":\"Steady\",\"mode\":\"chat\"}");
    String id = created.json().get("id").asText();
    String key = created.json().get("api_key").asText();
    assertThat(api.get("/v1/info", key).json().get("name").asText()).isEqualTo("Steady");

    Api.Reply reply =
        api.patch(
            "/admin/apps/" + id,
            ADMIN,
            "{\"name\":\"media-fault "
                + UUID.randomUUID()
                + "\",\"text_to_speech\":{\"enabled\":true}}");

    assertThat(reply.status()).as(reply.text()).isGreaterThanOrEqualTo(500);
    JsonNode app = api.get("/admin/apps/" + id, ADMIN).json();
    assertThat(app.get("name").asText()).isEqualTo("Steady");
    assertThat(app.at("/text_to_speech/enabled").asBoolean()).isFalse();
    assertThat(api.get("/v1/info", key).json().get("name").asText())
        .as("through the app cache")
        .isEqualTo("Steady");
  }

  private static void sql(String statement) throws SQLException {
    PersistenceSettings s = PostgresTestDatabase.settings();
    try (Connection connection = DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password());
        Statement st = connection.createStatement()) {
      st.execute(statement);
    }
  }
}
