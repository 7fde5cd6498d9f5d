package dev.shortlease.application.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.application.port.out.FileStorePort;
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
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CleanUpUploadsServiceTest {
  private final InMemoryFiles files = new InMemoryFiles(new InMemoryStore());
  private final AppId app = AppId.random();

  private UploadedFile upload(Duration age) {
    UploadFileId id = UploadFileId.random();
    files.write(id, new byte[] {1, 2});
    UploadedFile file = files.recordUpload(app, "alice", id, "a.txt", "txt", "text/plain", 2);
    files.backdateUpload(id, age);
    return file;
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

    int deleted = new CleanUpUploadsService(files, files).cleanUp(Duration.ofHours(2));

    assertThat(deleted).isEqualTo(1);
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

    assertThat(new CleanUpUploadsService(files, files).cleanUp(Duration.ofHours(1)))
        .isEqualTo(orphans.size());
    assertThat(orphans).noneMatch(file -> files.hasBytes(file.id()));
  }

  @Test
  @DisplayName("bytes the store fails to delete are left behind; their records still count")
  void bytesLeftBehind() {
    UploadedFile orphan = upload(Duration.ofHours(2));
    FileStorePort failingStore =
        new FileStorePort() {
          @Override
          public void write(UploadFileId id, byte[] content) {}

          @Override
          public byte[] read(UploadFileId id) {
            throw new IllegalStateException("store down");
          }

          @Override
          public void delete(UploadFileId id) {
            throw new IllegalStateException("store down");
          }
        };

    assertThat(new CleanUpUploadsService(files, failingStore).cleanUp(Duration.ofHours(1)))
        .isEqualTo(1);
    assertThat(files.findUpload(orphan.owner(), orphan.id())).isEmpty();
  }

  @Test
  @DisplayName("an age under an hour is refused before anything is deleted")
  void refusesShortAges() {
    UploadedFile orphan = upload(Duration.ofHours(2));

    assertThatThrownBy(
            () -> new CleanUpUploadsService(files, files).cleanUp(Duration.ofMinutes(59)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessageContaining("older_than_hours");
    assertThat(files.hasBytes(orphan.id())).isTrue();
  }
}
