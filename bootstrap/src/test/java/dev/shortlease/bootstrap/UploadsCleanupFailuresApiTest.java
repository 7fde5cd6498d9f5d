package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortlease.adapter.persistence.FaultyFileStores;
import dev.shortlease.application.port.out.FileStorePort;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The operator's uploads cleanup over real HTTP, through the service's injector, when the file
 * store refuses part of the work: the answer stays 200 with what was done, and names what was not
 * (directories it could not read, files it could not delete) relative to {@code FILES_DIR}, so the
 * operator can act without the logs. The tests run as root, whom file modes do not stop, so the
 * store bound here is the local directory store with its seams failing where a test says ({@link
 * FaultyFileStores}), installed as an override of the one file store binding.
 */
class UploadsCleanupFailuresApiTest {
  private static final String ADMIN = TestServers.ADMIN_TOKEN;
  private static final String CLEANUP = "/admin/uploads/cleanup";
  private static final String OLDER_THAN_A_DAY = "{\"older_than_hours\":24}";
  private static final Set<Path> unreadable = ConcurrentHashMap.newKeySet();
  private static final Set<Path> undeletable = ConcurrentHashMap.newKeySet();
  private static Path root;
  private static ShortleaseServer server;
  private static Api api;

  @BeforeAll
  static void start() {
    Map<String, String> env = TestServers.env();
    root = Path.of(env.get("FILES_DIR")).toAbsolutePath().normalize();
    FileStorePort store =
        FaultyFileStores.failing(root, unreadable::contains, undeletable::contains);
    server =
        ShortleaseServer.start(
            Settings.fromEnvironment(env),
            binder -> binder.bind(FileStorePort.class).toInstance(store));
    api = new Api(server);
  }

  @AfterEach
  void heal() {
    unreadable.clear();
    undeletable.clear();
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** An ID whose text starts with {@code four} hex characters: its file sits in ab/cd/. */
  private static String startingWith(String four) {
    return four + UUID.randomUUID().toString().substring(4);
  }

  private static Path bytesOf(String id) {
    return root.resolve(id.substring(0, 2)).resolve(id.substring(2, 4)).resolve(id);
  }

  /** {@code file} written, with its directories, and last modified {@code hours} ago. */
  private static Path aged(Path file, int hours) throws Exception {
    Files.createDirectories(file.getParent());
    Files.write(file, new byte[] {1, 2, 3});
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(hours))));
    return file;
  }

  private static List<String> texts(JsonNode array) {
    assertThat(array.isArray()).as(String.valueOf(array)).isTrue();
    List<String> texts = new ArrayList<>();
    array.forEach(item -> texts.add(item.asText()));
    return texts;
  }

  @Test
  @DisplayName(
      "directories the store cannot read are gone past, counted and named relative to FILES_DIR in"
          + " a 200 answer; what is in them stays, the rest is cleaned")
  void unreadableDirectoriesNamed() throws Exception {
    Path hidden = aged(bytesOf(startingWith("a1b2")), 30);
    Path hiddenInLeaf = aged(bytesOf(startingWith("a3c4")), 30);
    Path lost = aged(bytesOf(startingWith("a5d6")), 30);
    unreadable.add(root.resolve("a1"));
    unreadable.add(root.resolve("a3").resolve("c4"));

    Api.Reply cleaned = api.post(CLEANUP, ADMIN, OLDER_THAN_A_DAY);

    assertThat(cleaned.status()).as(cleaned.raw().body()).isEqualTo(200);
    assertThat(cleaned.json().get("result").asText()).isEqualTo("success");
    assertThat(cleaned.json().get("skipped_directories").asInt()).isEqualTo(2);
    assertThat(texts(cleaned.json().get("skipped_directory_paths"))).containsExactly("a1", "a3/c4");
    assertThat(cleaned.json().get("undeletable_files").asInt()).isZero();
    assertThat(texts(cleaned.json().get("undeletable_file_paths"))).isEmpty();
    assertThat(cleaned.json().get("deleted_stored_files").asInt()).isEqualTo(1);
    assertThat(cleaned.raw().body()).doesNotContain(root.toString());
    assertThat(hidden).exists();
    assertThat(hiddenInLeaf).exists();
    assertThat(lost).doesNotExist();

    unreadable.clear();
    Api.Reply again = api.post(CLEANUP, ADMIN, OLDER_THAN_A_DAY);
    assertThat(again.json().get("skipped_directories").asInt()).isZero();
    assertThat(again.json().get("deleted_stored_files").asInt()).isEqualTo(2);
    assertThat(hidden).doesNotExist();
  }

  @Test
  @DisplayName(
      "stored bytes without a record and an unfinished write the store cannot delete are counted"
          + " as undeletable_files and named relative to FILES_DIR in a 200 answer; they stay")
  void undeletableFilesNamed() throws Exception {
    String stuckId = startingWith("b1e2");
    Path stuck = aged(bytesOf(stuckId), 30);
    String crashedId = startingWith("b3f4");
    Path stuckPart = aged(bytesOf(crashedId).resolveSibling(crashedId + ".4711.part"), 30);
    Path lost = aged(bytesOf(startingWith("b5a6")), 30);
    undeletable.add(stuck);
    undeletable.add(stuckPart);

    Api.Reply cleaned = api.post(CLEANUP, ADMIN, OLDER_THAN_A_DAY);

    assertThat(cleaned.status()).as(cleaned.raw().body()).isEqualTo(200);
    assertThat(cleaned.json().get("result").asText()).isEqualTo("success");
    assertThat(cleaned.json().get("undeletable_files").asInt()).isEqualTo(2);
    assertThat(texts(cleaned.json().get("undeletable_file_paths")))
        .containsExactlyInAnyOrder("b1/e2/" + stuckId, "b3/f4/" + crashedId + ".4711.part");
    assertThat(cleaned.json().get("skipped_directories").asInt()).isZero();
    assertThat(cleaned.json().get("deleted_stored_files").asInt()).isEqualTo(1);
    assertThat(cleaned.json().get("deleted_incomplete_writes").asInt()).isZero();
    assertThat(cleaned.raw().body()).doesNotContain(root.toString());
    assertThat(stuck).exists();
    assertThat(stuckPart).exists();
    assertThat(lost).doesNotExist();

    undeletable.clear();
    Api.Reply again = api.post(CLEANUP, ADMIN, OLDER_THAN_A_DAY);
    assertThat(again.json().get("undeletable_files").asInt()).isZero();
    assertThat(again.json().get("deleted_stored_files").asInt()).isEqualTo(1);
    assertThat(again.json().get("deleted_incomplete_writes").asInt()).isEqualTo(1);
    assertThat(stuck).doesNotExist();
    assertThat(stuckPart).doesNotExist();
  }

  @Test
  @DisplayName(
      "past the first 20, skipped directories are still counted exactly but no longer named, so the"
          + " answer stays small")
  void namesCapped() throws Exception {
    List<Path> leaves =
        IntStream.range(0, 25)
            .mapToObj(i -> root.resolve("c0").resolve("%02x".formatted(i)))
            .toList();
    for (Path leaf : leaves) {
      aged(leaf.resolve(startingWith("c0" + leaf.getFileName())), 30);
    }
    unreadable.addAll(leaves);

    Api.Reply cleaned = api.post(CLEANUP, ADMIN, OLDER_THAN_A_DAY);

    assertThat(cleaned.status()).as(cleaned.raw().body()).isEqualTo(200);
    assertThat(cleaned.json().get("skipped_directories").asInt()).isEqualTo(25);
    assertThat(texts(cleaned.json().get("skipped_directory_paths")))
        .containsExactlyElementsOf(
            leaves.subList(0, 20).stream().map(leaf -> "c0/" + leaf.getFileName()).toList());

    unreadable.clear();
    assertThat(
            api.post(CLEANUP, ADMIN, OLDER_THAN_A_DAY).json().get("deleted_stored_files").asInt())
        .isEqualTo(25);
  }
}
