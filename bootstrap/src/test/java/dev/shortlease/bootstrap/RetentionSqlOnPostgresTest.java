package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.PersistenceSettings;
import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The retention statements docs/reliability.md gives operators ("In the database: no retention"),
 * run as written on PostgreSQL: they remove an old deleted conversation with every row that refers
 * to it and keep the rest. A table added later with a foreign key to a message, a conversation or
 * an end user must be added to them, or this test names it.
 */
@PostgresTest
class RetentionSqlOnPostgresTest {
  private static final Path PAGE = Path.of("..", "docs", "reliability.md");
  private static final Pattern SQL = Pattern.compile("(?s)```sql\\n(.*?)```");
  private static final Pattern DELETE_FROM = Pattern.compile("delete from (\\w+)");

  @Test
  @DisplayName(
      "the documented statements prune an old deleted conversation, all its rows and its user")
  void prunesWhatTheDocsSay() throws Exception {
    List<String> statements = documentedStatements();
    assertThat(statements).as("sql blocks in %s", PAGE).hasSize(2);
    PersistenceSettings db = PostgresTestDatabase.settings();
    Map<String, String> env = TestServers.env();
    env.put("DATABASE_URL", db.jdbcUrl());
    String gone;
    String kept;
    String app;
    try (ShortleaseServer server = ShortleaseServer.start(Settings.fromEnvironment(env))) {
      Api api = new Api(server);
      Api.AppKey key = api.createApp("chat");
      app = key.id();
      String oldUser = "old-" + UUID.randomUUID();
      gone = chat(api, key, oldUser);
      kept = chat(api, key, "kept-" + UUID.randomUUID());
      Api.Reply deleted =
          api.delete("/v1/conversations/" + gone, key.key(), "{\"user\": \"" + oldUser + "\"}");
      assertThat(deleted.status()).as(deleted.text()).isEqualTo(204);
    }
    try (Connection c = connect(db)) {
      addChildRows(c, gone);
      execute(
          c,
          "update conversation set updated_at = now() - interval '31 days' where id = '"
              + gone
              + "'");
      execute(
          c,
          "update end_user set created_at = now() - interval '31 days' where app_id = '"
              + app
              + "'");

      for (String sql : statements) {
        execute(c, sql);
      }

      for (String table : List.of("message", "conversation_variable")) {
        assertThat(count(c, table, "conversation_id", gone)).as(table).isZero();
      }
      assertThat(count(c, "conversation", "id", gone)).isZero();
      assertThat(countOfMessageChildren(c, gone)).isZero();
      assertThat(count(c, "conversation", "id", kept)).isOne();
      assertThat(count(c, "message", "conversation_id", kept)).isOne();
      assertThat(count(c, "end_user", "app_id", app))
          .as("the kept conversation's user stays, the other goes")
          .isOne();
    }
  }

  @Test
  @DisplayName(
      "every table referring to a message, a conversation or an end user is pruned by them")
  void everyReferringTableIsCovered() throws Exception {
    Set<String> pruned = new TreeSet<>();
    for (String sql : documentedStatements()) {
      Matcher m = DELETE_FROM.matcher(sql);
      while (m.find()) {
        pruned.add(m.group(1));
      }
    }
    PersistenceSettings db = PostgresTestDatabase.settings();
    Map<String, String> env = TestServers.env();
    env.put("DATABASE_URL", db.jdbcUrl());
    ShortleaseServer.start(Settings.fromEnvironment(env)).close(); // migrates the schema
    Set<String> referring = new TreeSet<>();
    try (Connection c = connect(db);
        PreparedStatement s =
            c.prepareStatement(
                "select distinct src.relname from pg_constraint k"
                    + " join pg_class src on src.oid = k.conrelid"
                    + " join pg_class dst on dst.oid = k.confrelid"
                    + " where k.contype = 'f' and dst.relname in"
                    + " ('message', 'conversation', 'end_user')"
                    + " and src.relnamespace ="
                    + " (select oid from pg_namespace where nspname = current_schema())")) {
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          referring.add(rs.getString(1));
        }
      }
    }
    // Uploads are the cleanup call's (docs/reliability.md): the end-user statement keeps their
    // owners instead of deleting them.
    referring.remove("upload_file");
    assertThat(referring).as("tables with such a foreign key").contains("message_file");
    assertThat(pruned).containsAll(referring);
  }

  private static String chat(Api api, Api.AppKey key, String user) {
    Api.Reply reply =
        api.post("/v1/chat-messages", key.key(), Api.chat(user, "hello", "blocking", null));
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    return reply.json().get("conversation_id").asText();
  }

  /** An agent thought, a remote file and a conversation variable, as other chats would leave. */
  private static void addChildRows(Connection c, String conversation) throws SQLException {
    String owner = " from message m where m.conversation_id = '" + conversation + "'";
    execute(
        c,
        "insert into agent_thought (id, message_id, position) select gen_random_uuid(), m.id, 0"
            + owner);
    execute(
        c,
        "insert into message_file (id, message_id, app_id, end_user_id, position, kind, transfer,"
            + " url, size) select gen_random_uuid(), m.id, m.app_id, m.end_user_id, 0, 'image',"
            + " 'remote_url', 'https://example.com/a.png', 0"
            + owner);
    execute(
        c,
        "insert into conversation_variable (id, conversation_id, app_id, end_user_id, position,"
            + " name, value_type, value_json) select gen_random_uuid(), m.conversation_id,"
            + " m.app_id, m.end_user_id, 0, 'topic', 'string', '\"x\"'"
            + owner);
    assertThat(countOfMessageChildren(c, conversation)).isEqualTo(2);
  }

  private static int countOfMessageChildren(Connection c, String conversation) throws SQLException {
    int n = 0;
    for (String table : List.of("agent_thought", "message_file")) {
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "select count(*) from "
                      + table
                      + " where message_id in (select id from message where conversation_id = '"
                      + conversation
                      + "')")) {
        rs.next();
        n += rs.getInt(1);
      }
    }
    return n;
  }

  private static int count(Connection c, String table, String column, String id)
      throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "select count(*) from " + table + " where " + column + " = '" + id + "'")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static List<String> documentedStatements() throws IOException {
    String page = Files.readString(PAGE);
    String section = page.substring(page.indexOf("### In the database: no retention"));
    List<String> blocks = new ArrayList<>();
    Matcher m = SQL.matcher(section);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  private static Connection connect(PersistenceSettings db) throws SQLException {
    return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
