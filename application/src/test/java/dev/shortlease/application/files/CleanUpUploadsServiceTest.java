package dev.shortlease.application.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.application.port.in.UploadsCleanup;
import dev.shortlease.application.port.out.FileStorePort;
import dev.shortlease.application.port.out.StoredFilesPage;
import dev.shortlease.application.testing.InMemoryFiles;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.FileKind;
import dev.shortlease.domain.InvalidInputException;
import dev.shortlease.domain.MessageFile;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.UploadFileId;
import dev.shortlease.domain.UploadedFile;
import dev.shortlease.domain.port.inmemory.InMemoryStore;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CleanUpUploadsServiceTest {
  private final InMemoryFiles files = new InMemoryFiles(new InMemoryStore());
  private final AppId app = AppId.random();

  /** An upload, its record and its bytes both {@code age} old. */
  private UploadedFile upload(Duration age) {
    UploadFileId id = storedOnly(age);
    UploadedFile file = files.recordUpload(app, "alice", id, "a.txt", "txt", "text/plain", 2);
    files.backdateUpload(id, age);
    return file;
  }

  /** Bytes {@code age} old that no upload record names. */
  private UploadFileId storedOnly(Duration age) {
    UploadFileId id = UploadFileId.random();
    files.write(id, new byte[] {1, 2});
    files.backdateBytes(id, age);
    return id;
  }

  private UploadsCleanup cleanUp(FileStorePort store, Duration olderThan) {
    return new CleanUpUploadsService(files, store).cleanUp(olderThan);
  }

  /** The in-memory store, except that deleting one of {@code failing} throws. */
  private FileStorePort failingToDelete(Set<UploadFileId> failing) {
    return new FileStorePort() {
      @Override
      public void write(UploadFileId id, byte[] content) {
        files.write(id, content);
      }

      @Override
      public byte[] read(UploadFileId id) {
        return files.read(id);
      }

      @Override
      public void delete(UploadFileId id) {
        if (failing.contains(id)) {
          throw new IllegalStateException("store down");
        }
        files.delete(id);
      }

      @Override
      public StoredFilesPage walk(String cursor, int limit, Instant incompleteBefore) {
        return files.walk(cursor, limit, incompleteBefore);
      }
    };
  }

  /**
   * The in-memory store, whose walk reports {@code skipped} unreadable directories and {@code
   * undeletable} unfinished writes it failed to delete on its second page (as the local store does
   * for a directory it cannot list, a file it cannot delete) and goes on.
   */
  private FileStorePort skippingDirectories(List<String> skipped, List<String> undeletable) {
    return new FileStorePort() {
      @Override
      public void write(UploadFileId id, byte[] content) {
        files.write(id, content);
      }

      @Override
      public byte[] read(UploadFileId id) {
        return files.read(id);
      }

      @Override
      public void delete(UploadFileId id) {
        files.delete(id);
      }

      @Override
      public StoredFilesPage walk(String cursor, int limit, Instant incompleteBefore) {
        StoredFilesPage page = files.walk(cursor, limit, incompleteBefore);
        return cursor == null
            ? page
            : new StoredFilesPage(
                page.files(), page.next(), page.deletedIncompleteWrites(), skipped, undeletable);
      }
    };
  }

  @Test
  @DisplayName("old unreferenced uploads lose record and bytes; attached and young ones stay")
  void deletesOldOrphansOnly() {
    UploadedFile orphan = upload(Duration.ofHours(3));
    UploadedFile young = upload(Duration.ofMinutes(30));
    UploadedFile attached = upload(Duration.ofHours(3));
    files.attachFiles(
        attached.owner(),
        MessageId.random(),
        List.of(MessageFile.uploaded(FileKind.DOCUMENT, attached)));

    UploadsCleanup cleaned = cleanUp(files, Duration.ofHours(2));

    assertThat(cleaned).isEqualTo(new UploadsCleanup(1, 0, 0));
    assertThat(files.findUpload(orphan.owner(), orphan.id())).isEmpty();
    assertThat(files.hasBytes(orphan.id())).isFalse();
    assertThat(files.findUpload(young.owner(), young.id())).isPresent();
    assertThat(files.hasBytes(young.id())).isTrue();
    assertThat(files.findUpload(attached.owner(), attached.id())).isPresent();
    assertThat(files.hasBytes(attached.id())).isTrue();
  }

  @Test
  @DisplayName("more orphans than a batch are all deleted, batch after batch, and all counted")
  void batches() {
    List<UploadedFile> orphans =
        IntStream.range(0, CleanUpUploadsService.BATCH * 2 + 1)
            .mapToObj(i -> upload(Duration.ofHours(2)))
            .toList();

    assertThat(cleanUp(files, Duration.ofHours(1)).deleted()).isEqualTo(orphans.size());
    assertThat(orphans).noneMatch(file -> files.hasBytes(file.id()));
  }

  @Test
  @DisplayName(
      "old stored bytes no record names are deleted and counted apart; young ones and ones with a"
          + " record stay")
  void sweepsStoredBytesWithoutRecord() {
    UploadFileId lost = storedOnly(Duration.ofHours(3));
    UploadFileId inFlight = storedOnly(Duration.ofMinutes(30));
    UploadedFile attached = upload(Duration.ofHours(3));
    files.attachFiles(
        attached.owner(),
        MessageId.random(),
        List.of(MessageFile.uploaded(FileKind.DOCUMENT, attached)));
    UploadFileId youngRecord = storedOnly(Duration.ofHours(3));
    files.recordUpload(app, "alice", youngRecord, "y.txt", "txt", "text/plain", 2);

    UploadsCleanup cleaned = cleanUp(files, Duration.ofHours(2));

    assertThat(cleaned).isEqualTo(new UploadsCleanup(0, 1, 0));
    assertThat(files.hasBytes(lost)).isFalse();
    assertThat(files.hasBytes(inFlight)).isTrue();
    assertThat(files.hasBytes(attached.id())).isTrue();
    assertThat(files.hasBytes(youngRecord)).isTrue();
  }

  @Test
  @DisplayName("stored bytes over several listing pages are all swept")
  void sweepsEveryPage() {
    List<UploadFileId> lost =
        IntStream.range(0, OrphanedBytesSweep.PAGE * 2 + 1)
            .mapToObj(i -> storedOnly(Duration.ofHours(2)))
            .toList();

    assertThat(cleanUp(files, Duration.ofHours(1)).deletedStoredFiles()).isEqualTo(lost.size());
    assertThat(lost).noneMatch(files::hasBytes);
  }

  @Test
  @DisplayName(
      "a stored file the store fails to delete is counted and named by its key as undeletable;"
          + " the rest go")
  void failedStoreDeleteSkipped() {
    List<UploadFileId> lost =
        IntStream.range(0, 3)
            .mapToObj(i -> storedOnly(Duration.ofHours(2)))
            .sorted(Comparator.comparing(UploadFileId::toString))
            .toList();
    UploadFileId stuck = lost.get(0);

    UploadsCleanup cleaned = cleanUp(failingToDelete(Set.of(stuck)), Duration.ofHours(1));

    assertThat(cleaned)
        .isEqualTo(new UploadsCleanup(0, 2, 0, 0, List.of(), 1, List.of(stuck.toString())));
    assertThat(files.hasBytes(stuck)).isTrue();
    assertThat(lost.subList(1, 3)).noneMatch(files::hasBytes);
  }

  @Test
  @DisplayName(
      "bytes the store fails to delete after their record are left behind, their records still"
          + " count, the sweep's retry in the same call names them once, and the next cleanup"
          + " sweeps them")
  void bytesLeftBehindAreSweptLater() {
    UploadedFile orphan = upload(Duration.ofHours(2));

    assertThat(cleanUp(failingToDelete(Set.of(orphan.id())), Duration.ofHours(1)))
        .isEqualTo(new UploadsCleanup(1, 0, 0, 0, List.of(), 1, List.of(orphan.id().toString())));
    assertThat(files.findUpload(orphan.owner(), orphan.id())).isEmpty();
    assertThat(files.hasBytes(orphan.id())).isTrue();

    assertThat(cleanUp(files, Duration.ofHours(1))).isEqualTo(new UploadsCleanup(0, 1, 0));
    assertThat(files.hasBytes(orphan.id())).isFalse();
  }

  @Test
  @DisplayName(
      "unfinished writes older than the age are deleted and counted apart; younger ones, maybe in"
          + " flight, stay")
  void deletesOldUnfinishedWrites() {
    UploadFileId crashed = files.unfinishedWrite(Duration.ofHours(3));
    UploadFileId alsoCrashed = files.unfinishedWrite(Duration.ofHours(30));
    UploadFileId inFlight = files.unfinishedWrite(Duration.ofMinutes(90));

    UploadsCleanup cleaned = cleanUp(files, Duration.ofHours(2));

    assertThat(cleaned).isEqualTo(new UploadsCleanup(0, 0, 2));
    assertThat(files.hasUnfinishedWrite(crashed)).isFalse();
    assertThat(files.hasUnfinishedWrite(alsoCrashed)).isFalse();
    assertThat(files.hasUnfinishedWrite(inFlight)).isTrue();
  }

  @Test
  @DisplayName(
      "directories the store's walk could not read and unfinished writes it could not delete are"
          + " counted and named in the answer beside everything it still deleted, records, stored"
          + " files and unfinished writes, on every page")
  void skippedDirectoriesAnsweredWithCounts() {
    upload(Duration.ofHours(3));
    List<UploadFileId> lost =
        IntStream.range(0, OrphanedBytesSweep.PAGE + 1)
            .mapToObj(i -> storedOnly(Duration.ofHours(3)))
            .toList();
    files.unfinishedWrite(Duration.ofHours(3));

    UploadsCleanup cleaned =
        cleanUp(
            skippingDirectories(List.of("ab", "cd/ef"), List.of("01/23/0123.part")),
            Duration.ofHours(2));

    assertThat(cleaned)
        .isEqualTo(
            new UploadsCleanup(
                1, lost.size(), 1, 2, List.of("ab", "cd/ef"), 1, List.of("01/23/0123.part")));
    assertThat(lost).noneMatch(files::hasBytes);
  }

  @Test
  @DisplayName(
      "a walk that fails outright stays an error, after the record pass has deleted what it found")
  void failedWalkStaysAnError() {
    UploadedFile orphan = upload(Duration.ofHours(3));
    FileStorePort down =
        new FileStorePort() {
          @Override
          public void write(UploadFileId id, byte[] content) {}

          @Override
          public byte[] read(UploadFileId id) {
            return files.read(id);
          }

          @Override
          public void delete(UploadFileId id) {
            files.delete(id);
          }

          @Override
          public StoredFilesPage walk(String cursor, int limit, Instant incompleteBefore) {
            throw new IllegalStateException("store unreachable");
          }
        };

    assertThatThrownBy(() -> cleanUp(down, Duration.ofHours(2)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("store unreachable");
    assertThat(files.findUpload(orphan.owner(), orphan.id())).isEmpty();
  }

  @Test
  @DisplayName(
      "past the first few, skipped directories and undeletable files are still counted exactly"
          + " but no longer named, so the answer stays small")
  void namesCapped() {
    List<String> skipped =
        IntStream.range(0, UploadsCleanup.NAMED + 5).mapToObj(i -> "d" + i).toList();
    List<String> stuck =
        IntStream.range(0, UploadsCleanup.NAMED + 3).mapToObj(i -> "f" + i + ".part").toList();
    storedOnly(Duration.ofHours(3));
    List<UploadFileId> pages =
        IntStream.range(0, OrphanedBytesSweep.PAGE)
            .mapToObj(i -> storedOnly(Duration.ofHours(3)))
            .toList();

    UploadsCleanup cleaned = cleanUp(skippingDirectories(skipped, stuck), Duration.ofHours(2));

    assertThat(cleaned.deletedStoredFiles()).isEqualTo(pages.size() + 1);
    assertThat(cleaned.skippedDirectories()).isEqualTo(skipped.size());
    assertThat(cleaned.skippedDirectoryPaths())
        .containsExactlyElementsOf(skipped.subList(0, UploadsCleanup.NAMED));
    assertThat(cleaned.undeletableFiles()).isEqualTo(stuck.size());
    assertThat(cleaned.undeletableFilePaths())
        .containsExactlyElementsOf(stuck.subList(0, UploadsCleanup.NAMED));
  }

  @Test
  @DisplayName("an age under an hour is refused before anything is deleted")
  void refusesShortAges() {
    UploadedFile orphan = upload(Duration.ofHours(2));
    UploadFileId lost = storedOnly(Duration.ofHours(2));
    UploadFileId crashed = files.unfinishedWrite(Duration.ofHours(2));

    assertThatThrownBy(() -> cleanUp(files, Duration.ofMinutes(59)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("older_than_hours");
    assertThat(files.hasBytes(orphan.id())).isTrue();
    assertThat(files.hasBytes(lost)).isTrue();
    assertThat(files.hasUnfinishedWrite(crashed)).isTrue();
  }
}
