package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.shortlease.application.port.out.StoredFile;
import dev.shortlease.application.port.out.StoredFilesPage;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.UploadFileId;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalDirectoryFileStoreTest {
  @TempDir Path directory;

  @Test
  @DisplayName("bytes written under an ID are read back by a new store on the same directory")
  void writeReadDelete() throws Exception {
    UploadFileId id = UploadFileId.random();
    new LocalDirectoryFileStore(directory).write(id, new byte[] {1, 2, 3});

    LocalDirectoryFileStore store = new LocalDirectoryFileStore(directory);
    assertThat(store.read(id)).containsExactly(1, 2, 3);
    assertThat(store.pathOf(id)).startsWith(directory);
    try (var files = Files.walk(directory)) {
      assertThat(files.filter(p -> p.toString().endsWith(".part"))).isEmpty();
    }

    store.delete(id);
    assertThatThrownBy(() -> store.read(id)).isInstanceOf(NotFoundException.class);
    store.delete(id); // nothing there: no error
  }

  @Test
  @DisplayName("the listing names each stored file with its last-modified time, in ID order")
  void listsWithAges() throws Exception {
    LocalDirectoryFileStore store = new LocalDirectoryFileStore(directory);
    assertThat(list(store, null, 10)).isEqualTo(new StoredFilesPage(List.of(), null));
    List<UploadFileId> ids = sortedIds(3);
    ids.forEach(id -> store.write(id, new byte[] {1}));
    Instant old = Instant.now().minus(Duration.ofHours(5)).truncatedTo(ChronoUnit.SECONDS);
    Files.setLastModifiedTime(store.pathOf(ids.get(1)), FileTime.from(old));

    StoredFilesPage page = list(store, null, 10);

    assertThat(page.next()).isNull();
    assertThat(page.files()).extracting(StoredFile::id).containsExactlyElementsOf(ids);
    assertThat(page.files().get(1).lastModified()).isEqualTo(old);
    assertThat(page.files().get(0).lastModified())
        .isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
    assertThat(page.files().get(2).lastModified())
        .isCloseTo(Instant.now(), within(1, ChronoUnit.MINUTES));
  }

  @Test
  @DisplayName("the listing pages through the store, each page resuming after the last")
  void listsInPages() {
    LocalDirectoryFileStore store = new LocalDirectoryFileStore(directory);
    List<UploadFileId> ids = sortedIds(7);
    ids.forEach(id -> store.write(id, new byte[] {1}));

    List<UploadFileId> listed = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      StoredFilesPage page = list(store, cursor, 3);
      assertThat(page.files()).hasSizeLessThanOrEqualTo(3);
      page.files().forEach(file -> listed.add(file.id()));
      cursor = page.next();
      pages++;
    } while (cursor != null);

    assertThat(listed).containsExactlyElementsOf(ids);
    assertThat(pages).isEqualTo(3);
  }

  @Test
  @DisplayName(
      "the listing skips what the store did not write: part files, links, strays, misplaced or"
          + " non-canonical names")
  void listsOnlyItsOwnFiles() throws Exception {
    LocalDirectoryFileStore store = new LocalDirectoryFileStore(directory);
    UploadFileId id = UploadFileId.random();
    store.write(id, new byte[] {1});
    Path leaf = store.pathOf(id).getParent();
    String other = UploadFileId.random().toString();
    Files.writeString(leaf.resolve(id + ".123.part"), "half");
    Files.writeString(leaf.resolve(other), "misplaced: not under its own prefix");
    Files.writeString(leaf.resolve(id.toString().toUpperCase(Locale.ROOT)), "not canonical");
    Files.createSymbolicLink(leaf.resolve(samePrefix(id)), store.pathOf(id));
    Files.createDirectory(leaf.resolve(samePrefix(id)));
    Files.writeString(directory.resolve("README"), "stray");
    Files.writeString(leaf.getParent().resolve(other), "stray");
    Path notFanOut = Files.createDirectories(directory.resolve("tmp").resolve("xx"));
    Files.writeString(notFanOut.resolve(other), "stray");

    assertThat(list(store, null, 10).files()).extracting(StoredFile::id).containsExactly(id);
  }

  @Test
  @DisplayName("deleting a directory's last file removes its fan-out directories; others stay")
  void deleteRemovesEmptiedDirectories() throws Exception {
    LocalDirectoryFileStore store = new LocalDirectoryFileStore(directory);
    UploadFileId id = UploadFileId.random();
    UploadFileId neighbour = new UploadFileId(UUID.fromString(samePrefix(id)));
    store.write(id, new byte[] {1});
    store.write(neighbour, new byte[] {2});
    Path leaf = store.pathOf(id).getParent();
    Path sibling = Files.createDirectory(leaf.resolveSibling(otherName(leaf)));
    Files.writeString(sibling.resolve("kept"), "keeps its directory");

    store.delete(id);
    assertThat(leaf).isDirectory();

    store.delete(neighbour);
    assertThat(leaf).doesNotExist();
    assertThat(leaf.getParent()).isDirectory();

    Files.delete(sibling.resolve("kept"));
    Files.delete(sibling);
    UploadFileId last = new UploadFileId(UUID.fromString(samePrefix(id)));
    store.write(last, new byte[] {3});
    store.delete(last);
    assertThat(leaf.getParent()).doesNotExist();
    assertThat(directory).isDirectory();
  }

  @Test
  @DisplayName(
      "incomplete writes (part files) older than the instant are deleted and counted; young ones,"
          + " stored files and anything else stay")
  void deletesOldIncompleteWrites() throws Exception {
    LocalDirectoryFileStore store = new LocalDirectoryFileStore(directory);
    UploadFileId id = UploadFileId.random();
    store.write(id, new byte[] {1});
    Path leaf = store.pathOf(id).getParent();
    Path crashed = aged(leaf.resolve(id + ".123.part"), 5);
    Path alsoCrashed = aged(leaf.resolve(samePrefix(id) + ".456.part"), 30);
    Path inFlight = aged(leaf.resolve(id + ".789.part"), 0);
    Path notOurs = aged(leaf.resolve("notes.part"), 5);
    Path misplaced = aged(leaf.getParent().resolve(id + ".1.part"), 5);
    Path link = leaf.resolve(samePrefix(id) + ".2.part");
    Files.createSymbolicLink(link, store.pathOf(id));
    aged(store.pathOf(id), 5);

    int deleted = deleteIncompleteWrites(store, Instant.now().minus(Duration.ofHours(1)));

    assertThat(deleted).isEqualTo(2);
    assertThat(crashed).doesNotExist();
    assertThat(alsoCrashed).doesNotExist();
    assertThat(List.of(inFlight, notOurs, misplaced, link, store.pathOf(id)))
        .allMatch(path -> Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS));
    assertThat(store.read(id)).containsExactly(1);
    assertThat(deleteIncompleteWrites(store, Instant.now().minus(Duration.ofHours(1)))).isZero();
  }

  @Test
  @DisplayName(
      "the walk for incomplete writes removes the fan-out directories it leaves or finds empty")
  void incompleteWritesWalkRemovesEmptyDirectories() throws Exception {
    LocalDirectoryFileStore store = new LocalDirectoryFileStore(directory);
    UploadFileId crashed = startingWith("aaaa");
    Path crashedLeaf = Files.createDirectories(store.pathOf(crashed).getParent());
    aged(crashedLeaf.resolve(crashed + ".1.part"), 5);
    Path emptyLeaf = Files.createDirectories(store.pathOf(startingWith("bbbb")).getParent());
    UploadFileId writing = startingWith("cccc");
    Path writingLeaf = Files.createDirectories(store.pathOf(writing).getParent());
    aged(writingLeaf.resolve(writing + ".1.part"), 0);

    assertThat(deleteIncompleteWrites(store, Instant.now().minus(Duration.ofHours(1))))
        .isEqualTo(1);

    assertThat(directory.resolve("aa")).doesNotExist();
    assertThat(directory.resolve("bb")).doesNotExist();
    assertThat(writingLeaf).isDirectory();
    assertThat(directory).isDirectory();
  }

  @Test
  @DisplayName(
      "two-character directories the store never makes (not lowercase hex) are neither walked nor"
          + " removed, even empty; an old file in one stays")
  void foreignTwoCharacterDirectoriesStay() throws Exception {
    LocalDirectoryFileStore store = new LocalDirectoryFileStore(directory);
    UploadFileId id = UploadFileId.random();
    store.write(id, new byte[] {1});
    aged(store.pathOf(id), 5);
    Path foreign = Files.createDirectories(directory.resolve("xy"));
    Path oldNote = aged(foreign.resolve("notes.txt"), 5);
    Path foreignEmpty = Files.createDirectories(directory.resolve("zz"));
    Path upperEmpty = Files.createDirectories(directory.resolve("AB").resolve("CD"));
    Path hexUnderForeign = Files.createDirectories(directory.resolve("tm").resolve("ab"));

    assertThat(deleteIncompleteWrites(store, Instant.now().minus(Duration.ofHours(1)))).isZero();
    assertThat(list(store, null, 10).files()).extracting(StoredFile::id).containsExactly(id);

    assertThat(oldNote).exists();
    assertThat(List.of(foreign, foreignEmpty, upperEmpty, hexUnderForeign))
        .allMatch(Files::isDirectory);
    assertThat(LocalDirectoryFileStore.isFanOutName("0f")).isTrue();
    assertThat(List.of("0F", "g0", "a", "abc", "..", "a-"))
        .noneMatch(LocalDirectoryFileStore::isFanOutName);
  }

  @Test
  @DisplayName(
      "one walk lists the stored files and deletes the old part files beside them, each once, even"
          + " when a page ends in the middle of a directory")
  void oneWalkListsAndDeletesIncompleteWrites() throws Exception {
    LocalDirectoryFileStore store = new LocalDirectoryFileStore(directory);
    UploadFileId first = startingWith("abcd");
    UploadFileId second = new UploadFileId(UUID.fromString(samePrefix(first)));
    UploadFileId third = startingWith("ef01");
    List<UploadFileId> ids =
        List.of(first, second, third).stream()
            .sorted(Comparator.comparing(UploadFileId::toString))
            .toList();
    ids.forEach(id -> store.write(id, new byte[] {1}));
    List<Path> crashed = new ArrayList<>();
    for (UploadFileId id : ids) {
      crashed.add(aged(store.pathOf(id).resolveSibling(id + ".1.part"), 5));
    }
    Path inFlight = aged(store.pathOf(third).resolveSibling(third + ".2.part"), 0);
    Path emptyLeaf = Files.createDirectories(store.pathOf(startingWith("0000")).getParent());
    List<String> opened = new ArrayList<>();
    LocalDirectoryFileStore counting =
        new LocalDirectoryFileStore(
            directory,
            dir -> {},
            dir -> {
              opened.add(directory.relativize(dir).toString());
              return Files.newDirectoryStream(dir);
            });

    StoredFilesPage walk = walkAll(counting, Instant.now().minus(Duration.ofHours(1)), 1);

    assertThat(walk.files()).extractingResultOf("id").containsExactlyElementsOf(ids);
    assertThat(walk.deletedIncompleteWrites()).isEqualTo(3);
    assertThat(walk.skippedDirectories()).isEmpty();
    assertThat(walk.undeletableIncompleteWrites()).isEmpty();
    assertThat(crashed).noneMatch(Files::exists);
    assertThat(inFlight).exists();
    assertThat(emptyLeaf).doesNotExist();
    assertThat(emptyLeaf.getParent()).doesNotExist();
    assertThat(ids).allMatch(id -> Files.exists(store.pathOf(id)));
    // one pass: no directory below the root is read by more than the page that resumes in it
    assertThat(opened.stream().filter(dir -> dir.contains("/")).distinct().count()).isEqualTo(3);
  }

  @Test
  @DisplayName(
      "a directory the walk cannot read is skipped, named once relative to the root and left alone;"
          + " the walk goes on and cleans the rest")
  void unreadableDirectorySkipped() throws Exception {
    LocalDirectoryFileStore store = new LocalDirectoryFileStore(directory);
    UploadFileId hidden = startingWith("abcd");
    UploadFileId hiddenLeaf = startingWith("cdef");
    UploadFileId before = startingWith("0123");
    UploadFileId after = startingWith("ef01");
    for (UploadFileId id : List.of(hidden, hiddenLeaf, before, after)) {
      store.write(id, new byte[] {1});
      aged(store.pathOf(id).resolveSibling(id + ".1.part"), 5);
    }
    Path brokenTop = directory.resolve("ab");
    Path brokenLeaf = directory.resolve("cd").resolve("ef");
    LocalDirectoryFileStore walking = unreadable(store, List.of(brokenTop, brokenLeaf));
    try {
      StoredFilesPage walk = walkAll(walking, Instant.now().minus(Duration.ofHours(1)), 1);

      assertThat(walk.files()).extractingResultOf("id").containsExactly(before, after);
      assertThat(walk.deletedIncompleteWrites()).isEqualTo(2);
      assertThat(walk.skippedDirectories()).containsExactly("ab", "cd/ef");
    } finally {
      for (Path broken : List.of(brokenTop, brokenLeaf)) {
        Files.setPosixFilePermissions(broken, PosixFilePermissions.fromString("rwx------"));
      }
    }
    assertThat(store.pathOf(hidden).resolveSibling(hidden + ".1.part")).exists();
    assertThat(store.pathOf(hiddenLeaf).resolveSibling(hiddenLeaf + ".1.part")).exists();
    assertThat(store.pathOf(before).resolveSibling(before + ".1.part")).doesNotExist();
    assertThat(store.pathOf(after).resolveSibling(after + ".1.part")).doesNotExist();
  }

  @Test
  @DisplayName(
      "a listed file is keyed relative to the root; an old unfinished write the store cannot delete"
          + " is named so, kept, and not counted as deleted; a stored file it cannot delete throws")
  void undeletableFilesNamedRelative() throws Exception {
    LocalDirectoryFileStore store = new LocalDirectoryFileStore(directory);
    UploadFileId stuck = startingWith("abcd");
    UploadFileId other = startingWith("ef01");
    List<Path> parts = new ArrayList<>();
    for (UploadFileId id : List.of(stuck, other)) {
      store.write(id, new byte[] {1});
      parts.add(aged(store.pathOf(id).resolveSibling(id + ".1.part"), 5));
    }
    Path stuckPart = parts.get(0);
    LocalDirectoryFileStore failing =
        new LocalDirectoryFileStore(
            directory,
            dir -> {},
            Files::newDirectoryStream,
            file -> {
              if (file.getFileName().toString().startsWith(stuck.toString())) {
                throw new AccessDeniedException(file.toString());
              }
              return Files.deleteIfExists(file);
            });

    StoredFilesPage walk = walkAll(failing, Instant.now().minus(Duration.ofHours(1)), 10);

    assertThat(walk.files())
        .extracting(StoredFile::key)
        .containsExactly("ab/cd/" + stuck, "ef/01/" + other);
    assertThat(walk.deletedIncompleteWrites()).isEqualTo(1);
    assertThat(walk.undeletableIncompleteWrites()).containsExactly("ab/cd/" + stuck + ".1.part");
    assertThat(walk.skippedDirectories()).isEmpty();
    assertThat(stuckPart).exists();
    assertThat(parts.get(1)).doesNotExist();
    assertThatThrownBy(() -> failing.delete(stuck))
        .isInstanceOf(java.io.UncheckedIOException.class);
    assertThat(store.pathOf(stuck)).exists();
  }

  /**
   * {@code store}'s directory with {@code broken} made unreadable (mode 000). Where that does not
   * stop a listing (root reads anything), the store returned fails to open them instead, as the
   * file system would for another user.
   */
  private static LocalDirectoryFileStore unreadable(
      LocalDirectoryFileStore store, List<Path> broken) throws Exception {
    for (Path dir : broken) {
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("---------"));
    }
    boolean permissionsStopReads;
    try (var entries = Files.newDirectoryStream(broken.get(0))) {
      permissionsStopReads = false;
    } catch (AccessDeniedException e) {
      permissionsStopReads = true;
    }
    if (permissionsStopReads) {
      return store;
    }
    return new LocalDirectoryFileStore(
        store.pathOf(UploadFileId.random()).getParent().getParent().getParent(),
        dir -> {},
        dir -> {
          if (broken.contains(dir)) {
            throw new AccessDeniedException(dir.toString());
          }
          return Files.newDirectoryStream(dir);
        });
  }

  @Test
  @DisplayName(
      "a write whose directory a cleanup removes before its temporary file exists creates it again")
  void writeSurvivesItsDirectoryRemoved() {
    AtomicInteger removals = new AtomicInteger();
    LocalDirectoryFileStore store =
        new LocalDirectoryFileStore(
            directory, leaf -> removeOnce(leaf, removals.getAndIncrement() == 0));
    UploadFileId id = UploadFileId.random();

    store.write(id, new byte[] {7});

    assertThat(store.read(id)).containsExactly(7);
    assertThat(removals).hasValue(2);
  }

  @Test
  @DisplayName("a write whose directory keeps being removed gives up after a few tries")
  void writeGivesUp() {
    AtomicInteger removals = new AtomicInteger();
    LocalDirectoryFileStore store =
        new LocalDirectoryFileStore(
            directory,
            leaf -> {
              removals.incrementAndGet();
              removeOnce(leaf, true);
            });

    assertThatThrownBy(() -> store.write(UploadFileId.random(), new byte[] {7}))
        .isInstanceOf(java.io.UncheckedIOException.class);
    assertThat(removals).hasValue(LocalDirectoryFileStore.WRITE_ATTEMPTS);
  }

  /** A page of the walk that deletes nothing (no write is older than the epoch). */
  private static StoredFilesPage list(LocalDirectoryFileStore store, String cursor, int limit) {
    return store.walk(cursor, limit, Instant.EPOCH);
  }

  /** A whole walk, page after page: the unfinished writes it deleted. */
  private static int deleteIncompleteWrites(LocalDirectoryFileStore store, Instant before) {
    return walkAll(store, before, 10).deletedIncompleteWrites();
  }

  /** A whole walk in pages of {@code limit}: all its files and counts as one page. */
  private static StoredFilesPage walkAll(LocalDirectoryFileStore store, Instant before, int limit) {
    List<StoredFile> files = new ArrayList<>();
    int deleted = 0;
    List<String> skipped = new ArrayList<>();
    List<String> undeletable = new ArrayList<>();
    String cursor = null;
    do {
      StoredFilesPage page = store.walk(cursor, limit, before);
      files.addAll(page.files());
      deleted += page.deletedIncompleteWrites();
      skipped.addAll(page.skippedDirectories());
      undeletable.addAll(page.undeletableIncompleteWrites());
      cursor = page.next();
    } while (cursor != null);
    return new StoredFilesPage(files, null, deleted, skipped, undeletable);
  }

  /** As a cleanup does: the empty leaf directory and its empty parent, when {@code remove}. */
  private static void removeOnce(Path leaf, boolean remove) {
    if (remove) {
      try {
        Files.delete(leaf);
        Files.delete(leaf.getParent());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    }
  }

  /** {@code file} written (if absent) and last modified {@code hours} ago. */
  private static Path aged(Path file, int hours) throws Exception {
    if (!Files.exists(file)) {
      Files.writeString(file, "half");
    }
    Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofHours(hours))));
    return file;
  }

  /** A two-character name other than {@code directory}'s. */
  private static String otherName(Path directory) {
    return directory.getFileName().toString().equals("00") ? "01" : "00";
  }

  /** A random ID whose text starts with {@code four} (hex) characters. */
  private static UploadFileId startingWith(String four) {
    return new UploadFileId(UUID.fromString(four + UploadFileId.random().toString().substring(4)));
  }

  /** Another canonical ID whose file would sit in the same directory as {@code id}'s. */
  private static String samePrefix(UploadFileId id) {
    return id.toString().substring(0, 4) + UploadFileId.random().toString().substring(4);
  }

  private static List<UploadFileId> sortedIds(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> UploadFileId.random())
        .sorted(Comparator.comparing(UploadFileId::toString))
        .toList();
  }

  @Test
  @DisplayName("an ID never stored is not found")
  void missing() {
    assertThatThrownBy(() -> new LocalDirectoryFileStore(directory).read(UploadFileId.random()))
        .isInstanceOf(NotFoundException.class);
  }
}
