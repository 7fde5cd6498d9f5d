package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortlease.adapter.persistence.PersistenceSettings;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Conversations and messages sharing one timestamp, to the microsecond, page each exactly once and
 * in one order, for every {@code sort_by} (docs/compatibility.md, "Times and ordering"): the pages
 * continue on {@code (time, id)}, where Dify's, on the time alone, skip the rest of a tie.
 */
class TiedTimesPagingTest {
  private static final String SAME = "timestamp with time zone '2026-11-01 01:30:00.123456-04'";

  Map<String, String> env() {
    return TestServers.env();
  }

  @Test
  @DisplayName("seven conversations and six messages at one microsecond: each once, in one order")
  void tiesPageEachOnce() throws Exception {
    Settings settings = Settings.fromEnvironment(env());
    try (ShortleaseServer server = ShortleaseServer.start(settings)) {
      Api api = new Api(server);
      Api.AppKey app = api.createApp("chat");
      List<String> conversations = new ArrayList<>();
      for (int i = 0; i < 7; i++) {
        conversations.add(
            api.post("/v1/chat-messages", app.key(), Api.chat("tia", "q" + i, "blocking", null))
                .json()
                .get("conversation_id")
                .asText());
      }
      String busy = conversations.getFirst();
      for (int i = 0; i < 5; i++) {
        api.post("/v1/chat-messages", app.key(), Api.chat("tia", "m" + i, "blocking", busy));
      }
      tie(settings.database(), app.id());

      for (String sort : List.of("created_at", "-created_at", "updated_at", "-updated_at")) {
        String list = "/v1/conversations?user=tia&sort_by=" + sort;
        List<String> onePage = ids(api.get(list + "&limit=100", app.key()).json());
        List<String> paged = new ArrayList<>();
        JsonNode page;
        do {
          String after = paged.isEmpty() ? "" : "&last_id=" + paged.getLast();
          page = api.get(list + "&limit=2" + after, app.key()).json();
          paged.addAll(ids(page));
        } while (page.get("has_more").asBoolean());
        assertThat(paged).as(sort).containsExactlyElementsOf(onePage);
        assertThat(paged).as(sort).containsExactlyInAnyOrderElementsOf(conversations);
      }

      String history = "/v1/messages?user=tia&conversation_id=" + busy;
      List<String> onePage = ids(api.get(history + "&limit=100", app.key()).json());
      List<String> paged = new ArrayList<>();
      JsonNode page;
      do {
        String before = paged.isEmpty() ? "" : "&first_id=" + paged.getFirst();
        page = api.get(history + "&limit=2" + before, app.key()).json();
        paged.addAll(0, ids(page));
      } while (page.get("has_more").asBoolean());
      assertThat(onePage).hasSize(6).doesNotHaveDuplicates();
      assertThat(paged).containsExactlyElementsOf(onePage);
    }
  }

  /** The app's conversations and messages at one instant (in the hour New York has twice). */
  private static void tie(PersistenceSettings database, String appId) throws Exception {
    try (Connection connection =
            DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
        Statement statement = connection.createStatement()) {
      statement.executeUpdate(
          "update conversation set created_at = "
              + SAME
              + ", updated_at = "
              + SAME
              + " where app_id = '"
              + appId
              + "'");
      statement.executeUpdate(
          "update message set created_at = " + SAME + " where app_id = '" + appId + "'");
    }
  }

  private static List<String> ids(JsonNode page) {
    List<String> ids = new ArrayList<>();
    page.get("data").forEach(item -> ids.add(item.get("id").asText()));
    return ids;
  }
}
