package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.bootstrap.Multipart.Part;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The operator's cleanup of orphaned uploads over real HTTP ({@code POST /admin/uploads/cleanup}):
 * behind the admin token, its body checked before anything is deleted, and then an old upload no
 * message refers to gone — record and bytes — while one attached to a chat stays; and old bytes in
 * the file store that no upload record names gone too, counted apart; so are old writes a crash
 * left unfinished, and the fan-out directories left empty.
 */
class UploadsCleanupApiTest {
  private static final String ADMIN = TestServers.ADMIN_TOKEN;
  private static final String CLEANUP = "/admin/uploads/cleanup";
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 26, '\n', 1, 2, 3};
  private static Map<String, String> env;
  private static ShortleaseServer server;
  private static Api api;

  @BeforeAll
  static void start() {
    env = TestServers.env();
    server = ShortleaseServer.start(Settings.fromEnvironment(env));
    api = new Api(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String upload(String key, String user) throws Exception {
    HttpResponse<byte[]> response =
        Multipart.post(
            server,
            "/v1/files/upload",
            key,
            List.of(Part.file("file", "cat.png", "image/png", PNG), Part.field("user", user)));
    assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(201);
    return Api.JSON.readTree(response.body()).get("id").asText();
  }

  private static int preview(String key, String id, String user) throws Exception {
    return Multipart.get(server, "/v1/files/" + id + "/preview?user=" + user, key).statusCode();
  }

  /** Where the local file store keeps an upload's bytes (FILES_DIR/ab/cd/abcd…). */
  private static Path bytesOf(String id) {
    return Path.of(env.get("FILES_DIR"), id.substring(0, 2), id.substring(2, 4), id);
  }

  /** Moves the upload's {@code created_at} back by database time, as the contracts do. */
  private static void backdate(String id, int hours) throws Exception {
    try (Connection connection = DriverManager.getConnection(env.get("DATABASE_URL"));
        PreparedStatement update =
            connection.prepareStatement(
                "update upload_file set created_at = current_timestamp - interval '"
                    + hours * 3600
                    + "' second where id = ?")) {
      update.setObject(1, UUID.fromString(id));
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }

  /** Moves the stored file's last-modified time back, as the sweep reads ages from the store. */
  private static void age(Path file, int hours) throws Exception {
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(hours))));
  }

  /** Bytes written straight into the store, as an upload whose record was never written. */
  private static Path strayBytes(int hours) throws Exception {
    Path file = bytesOf(UUID.randomUUID().toString());
    Files.createDirectories(file.getParent());
    Files.write(file, PNG);
    age(file, hours);
    return file;
  }

  /**
   * A write's temporary file beside where {@code id}'s bytes go, as a crash mid-write leaves it.
   */
  private static Path partOf(String id, int hours) throws Exception {
    Path part = bytesOf(id).resolveSibling(id + ".4711.part");
    Files.createDirectories(part.getParent());
    Files.write(part, PNG);
    age(part, hours);
    return part;
  }

  /** The fan-out directories (FILES_DIR/ab, FILES_DIR/ab/cd) with nothing in them. */
  private static List<Path> emptyDirectories() throws Exception {
    Path root = Path.of(env.get("FILES_DIR"));
    try (Stream<Path> paths = Files.walk(root, 2)) {
      return paths
          .filter(path -> !path.equals(root))
          .filter(path -> root.relativize(path).toString().matches("[0-9a-f]{2}(/[0-9a-f]{2})?"))
          .filter(Files::isDirectory)
          .filter(UploadsCleanupApiTest::isEmpty)
          .toList();
    }
  }

  private static boolean isEmpty(Path directory) {
    try (Stream<Path> entries = Files.list(directory)) {
      return entries.findAny().isEmpty();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  @DisplayName("the cleanup refuses a missing, wrong or app token with 401, deleting nothing")
  void adminOnly() throws Exception {
    Api.AppKey app = api.createApp("chat");
    String id = upload(app.key(), "alice");
    backdate(id, 3);

    for (String token : new String[] {null, "wrong", app.key()}) {
      Api.Reply refused = api.post(CLEANUP, token, "{\"older_than_hours\":1}");
      assertThat(refused.status()).as(String.valueOf(token)).isEqualTo(401);
    }
    assertThat(preview(app.key(), id, "alice")).isEqualTo(200);
  }

  @Test
  @DisplayName(
      "a missing, non-integer, too small or unknown field is 400 invalid_param naming it,"
          + " deleting nothing")
  void badBodies() throws Exception {
    Api.AppKey app = api.createApp("chat");
    String id = upload(app.key(), "alice");
    backdate(id, 3);
    Path stray = strayBytes(3);
    Path part = partOf(UUID.randomUUID().toString(), 3);

    for (String body :
        List.of(
            "{}",
            "{\"older_than_hours\":null}",
            "{\"older_than_hours\":0}",
            "{\"older_than_hours\":-5}",
            "{\"older_than_hours\":1.5}",
            "{\"older_than_hours\":\"2\"}",
            "{\"older_than_hours\":99999999999}",
            "{\"older_than_hours\":1,\"dry_run\":true}")) {
      Api.Reply refused = api.post(CLEANUP, ADMIN, body);
      assertThat(refused.status()).as(body).isEqualTo(400);
      assertThat(refused.code()).as(body).isEqualTo("invalid_param");
      String field = body.contains("dry_run") ? "dry_run" : "older_than_hours";
      assertThat(refused.json().get("message").asText()).as(body).contains(field);
    }
    assertThat(preview(app.key(), id, "alice")).isEqualTo(200);
    assertThat(bytesOf(id)).exists();
    assertThat(stray).exists();
    assertThat(part).exists();
  }

  @Test
  @DisplayName(
      "an old upload no message refers to is deleted, record and bytes; an attached one and a"
          + " young one stay")
  void deletesOldOrphans() throws Exception {
    Api.AppKey app = api.createApp("chat");
    api.updateApp(
        app,
        "{\"file_upload\":{\"enabled\":true,\"allowed_file_types\":[\"image\"],"
            + "\"allowed_file_upload_methods\":[\"local_file\"],\"number_limits\":1}}");
    String orphan = upload(app.key(), "alice");
    String young = upload(app.key(), "alice");
    String attached = upload(app.key(), "alice");
    String chat = Api.chat("alice", "Look", "blocking", null);
    Api.Reply answered =
        api.post(
            "/v1/chat-messages",
            app.key(),
            chat.substring(0, chat.length() - 1)
                + ",\"files\":[{\"type\":\"image\",\"transfer_method\":\"local_file\","
                + "\"upload_file_id\":\""
                + attached
                + "\"}]}");
    assertThat(answered.status()).as(answered.raw().body()).isEqualTo(200);
    // older than the other tests' uploads (3 hours), which this cleanup must spare
    backdate(orphan, 30);
    backdate(attached, 30);
    backdate(young, 20);
    assertThat(bytesOf(orphan)).exists();

    Api.Reply cleaned = api.post(CLEANUP, ADMIN, "{\"older_than_hours\":24}");

    assertThat(cleaned.status()).as(cleaned.raw().body()).isEqualTo(200);
    assertThat(cleaned.json().get("result").asText()).isEqualTo("success");
    assertThat(cleaned.json().get("deleted").asInt()).isEqualTo(1);
    assertThat(cleaned.json().get("deleted_stored_files").asInt()).isZero();
    assertThat(preview(app.key(), orphan, "alice")).isEqualTo(404);
    assertThat(bytesOf(orphan)).doesNotExist();
    assertThat(preview(app.key(), attached, "alice")).isEqualTo(200);
    assertThat(bytesOf(attached)).exists();
    assertThat(preview(app.key(), young, "alice")).isEqualTo(200);
    assertThat(Files.exists(bytesOf(young))).isTrue();
    assertThat(api.post(CLEANUP, ADMIN, "{\"older_than_hours\":24}").json().get("deleted").asInt())
        .isZero();
  }

  @Test
  @DisplayName(
      "old stored bytes no upload record names are deleted and counted as deleted_stored_files;"
          + " young ones, a recorded upload's and files the store did not write stay")
  void sweepsStoredBytesWithoutRecord() throws Exception {
    Api.AppKey app = api.createApp("chat");
    Path lost = strayBytes(30);
    Path alsoLost = strayBytes(48);
    Path inFlight = strayBytes(0);
    String recorded = upload(app.key(), "alice");
    age(bytesOf(recorded), 30);
    Path foreign = Path.of(env.get("FILES_DIR"), "notes.txt");
    Files.writeString(foreign, "not an upload");
    age(foreign, 30);

    Api.Reply cleaned = api.post(CLEANUP, ADMIN, "{\"older_than_hours\":24}");

    assertThat(cleaned.status()).as(cleaned.raw().body()).isEqualTo(200);
    assertThat(cleaned.json().get("result").asText()).isEqualTo("success");
    assertThat(cleaned.json().get("deleted").asInt()).isZero();
    assertThat(cleaned.json().get("deleted_stored_files").asInt()).isEqualTo(2);
    assertThat(lost).doesNotExist();
    assertThat(alsoLost).doesNotExist();
    assertThat(inFlight).exists();
    assertThat(foreign).exists();
    assertThat(preview(app.key(), recorded, "alice")).isEqualTo(200);
    Api.Reply again = api.post(CLEANUP, ADMIN, "{\"older_than_hours\":24}");
    assertThat(again.json().get("deleted_stored_files").asInt()).isZero();
  }

  @Test
  @DisplayName(
      "old writes a crash left unfinished are deleted and counted as deleted_incomplete_writes, a"
          + " young one (maybe in flight) stays; fan-out directories left or found empty are gone")
  void deletesIncompleteWritesAndEmptyDirectories() throws Exception {
    Api.AppKey app = api.createApp("chat");
    Path crashed = partOf(UUID.randomUUID().toString(), 30);
    Path alsoCrashed = partOf(UUID.randomUUID().toString(), 48);
    Path inFlight = partOf(UUID.randomUUID().toString(), 0);
    Path lost = strayBytes(30);
    Path empty = Files.createDirectories(bytesOf(UUID.randomUUID().toString()).getParent());
    String recorded = upload(app.key(), "alice");
    age(bytesOf(recorded), 30);

    Api.Reply cleaned = api.post(CLEANUP, ADMIN, "{\"older_than_hours\":24}");

    assertThat(cleaned.status()).as(cleaned.raw().body()).isEqualTo(200);
    assertThat(cleaned.json().get("result").asText()).isEqualTo("success");
    assertThat(cleaned.json().get("deleted_incomplete_writes").asInt()).isEqualTo(2);
    assertThat(cleaned.json().get("deleted_stored_files").asInt()).isEqualTo(1);
    assertThat(cleaned.json().get("skipped_directories").asInt()).isZero();
    assertThat(crashed).doesNotExist();
    assertThat(alsoCrashed).doesNotExist();
    assertThat(lost).doesNotExist();
    assertThat(inFlight).exists();
    assertThat(empty).doesNotExist();
    assertThat(emptyDirectories()).isEmpty();
    assertThat(preview(app.key(), recorded, "alice")).isEqualTo(200);
    Api.Reply again = api.post(CLEANUP, ADMIN, "{\"older_than_hours\":24}");
    assertThat(again.json().get("deleted_incomplete_writes").asInt()).isZero();
  }

  @Test
  @DisplayName(
      "two-character directories an operator put in FILES_DIR that the store never makes stay, an"
          + " old file in one and empty ones alike")
  void foreignTwoCharacterDirectoriesStay() throws Exception {
    Path root = Path.of(env.get("FILES_DIR"));
    Path foreign = Files.createDirectories(root.resolve("tm"));
    Path oldFile = foreign.resolve(UUID.randomUUID().toString());
    Files.write(oldFile, PNG);
    age(oldFile, 30);
    Path emptyForeign = Files.createDirectories(root.resolve("zz"));
    Path emptyUnderForeign = Files.createDirectories(root.resolve("XY").resolve("ab"));

    Api.Reply cleaned = api.post(CLEANUP, ADMIN, "{\"older_than_hours\":24}");

    assertThat(cleaned.status()).as(cleaned.raw().body()).isEqualTo(200);
    assertThat(cleaned.json().get("skipped_directories").asInt()).isZero();
    assertThat(oldFile).exists();
    assertThat(emptyForeign).isDirectory();
    assertThat(emptyUnderForeign).isDirectory();
  }
}
