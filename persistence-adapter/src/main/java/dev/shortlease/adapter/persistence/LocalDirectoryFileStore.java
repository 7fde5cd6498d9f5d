package dev.shortlease.adapter.persistence;

import dev.shortlease.application.port.out.FileStorePort;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.UploadFileId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * File store adapter: one file per upload in a local directory ({@code FILES_DIR}), two levels of
 * fan-out by the ID's first characters so no directory grows huge. Writes go to a temporary file
 * first and are moved into place, so a reader never sees half a file. Keep the directory on a
 * volume every instance shares, or bind an object store instead ({@link FileStorePort}).
 */
public final class LocalDirectoryFileStore implements FileStorePort {
  private final Path root;

  public LocalDirectoryFileStore(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  @Override
  public void write(UploadFileId id, byte[] content) {
    Path target = pathOf(id);
    try {
      Files.createDirectories(target.getParent());
      Path partial = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".part");
      try {
        Files.write(partial, content);
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store file " + id, e);
    }
  }

  @Override
  public byte[] read(UploadFileId id) {
    try {
      return Files.readAllBytes(pathOf(id));
    } catch (NoSuchFileException e) {
      throw new NotFoundException("file");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read file " + id, e);
    }
  }

  @Override
  public void delete(UploadFileId id) {
    try {
      Files.deleteIfExists(pathOf(id));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete file " + id, e);
    }
  }

  Path pathOf(UploadFileId id) {
    String name = id.value().toString();
    return root.resolve(name.substring(0, 2)).resolve(name.substring(2, 4)).resolve(name);
  }
}
