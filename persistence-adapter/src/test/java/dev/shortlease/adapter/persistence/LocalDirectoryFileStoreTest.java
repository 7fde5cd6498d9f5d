package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.UploadFileId;
import java.nio.file.Files;
import java.nio.file.Path;
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
  @DisplayName("an ID never stored is not found")
  void missing() {
    assertThatThrownBy(() -> new LocalDirectoryFileStore(directory).read(UploadFileId.random()))
        .isInstanceOf(NotFoundException.class);
  }
}
