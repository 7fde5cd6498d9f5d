package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.persistence.testing.PostgresTest;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.NewTurn;
import dev.shortlease.domain.StartedTurn;
import dev.shortlease.domain.UploadFileId;
import dev.shortlease.domain.UploadedFile;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The uploads cleanup racing a chat that attaches an old upload, on PostgreSQL: the attach's
 * foreign-key check locks the upload's row, the cleanup's delete waits for it and, once the attach
 * commits, meets a reference its own check could not see.
 */
@PostgresTest
class UploadCleanupRaceOnPostgresTest {
  private final PersistenceContext context = SharedContexts.postgres();
  private final FilesAdapter files = new FilesAdapter(context.sessionScope());

  @Test
  @DisplayName(
      "a cleanup that waited for a chat attaching an old upload keeps that upload and succeeds")
  void cleanupWaitingForAnAttachKeepsTheUpload() throws Exception {
    AppId app =
        context
            .apps()
            .createApp(
                new NewApp(
                    "race " + UUID.randomUUID(), null, AppMode.CHAT, null, null, null, null));
    StartedTurn turn = context.startTurn().startTurn(new NewTurn(app, "eve", null, "q", Map.of()));
    UploadedFile upload =
        files.recordUpload(app, "eve", UploadFileId.random(), "a.png", "png", "image/png", 1);
    try (Connection chat = connect()) {
      update(
          chat,
          "update upload_file set created_at = created_at - interval '2 hours' where id = ?",
          upload.id().value());
      chat.setAutoCommit(false);
      update(
          chat,
          "insert into message_file (id, message_id, app_id, end_user_id, position, kind,"
              + " transfer, upload_file_id, size) values (?, ?, ?, ?, 0, 'image', 'local_file', ?, 1)",
          UUID.randomUUID(),
          turn.messageId().value(),
          app.value(),
          turn.owner().endUserId().value(),
          upload.id().value());

      CompletableFuture<List<UploadFileId>> cleanup =
          CompletableFuture.supplyAsync(
              () -> files.deleteUnreferencedUploads(Duration.ofHours(1), 1000));
      awaitWaitingDelete(cleanup);
      chat.commit();

      assertThat(cleanup.get(10, TimeUnit.SECONDS)).doesNotContain(upload.id());
    }
    assertThat(files.findUpload(turn.owner(), upload.id())).isPresent();
  }

  /** The cleanup's delete is blocked on the row lock the uncommitted attach holds. */
  private static void awaitWaitingDelete(CompletableFuture<?> cleanup) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    try (Connection watcher = connect()) {
      while (System.nanoTime() < deadline && !cleanup.isDone()) {
        try (PreparedStatement s =
                watcher.prepareStatement(
                    "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                        + " and query like 'delete from upload_file%'");
            ResultSet rows = s.executeQuery()) {
          rows.next();
          if (rows.getInt(1) > 0) {
            return;
          }
        }
        Thread.sleep(20);
      }
    }
    throw new AssertionError("the cleanup did not wait for the attach: " + cleanup);
  }

  private static Connection connect() throws SQLException {
    PersistenceSettings s = PostgresTestDatabase.settings();
    Connection connection = DriverManager.getConnection(s.jdbcUrl(), s.user(), s.password());
    update(connection, "set search_path to " + s.schema());
    return connection;
  }

  private static void update(Connection connection, String sql, Object... params)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      statement.executeUpdate();
    }
  }
}
