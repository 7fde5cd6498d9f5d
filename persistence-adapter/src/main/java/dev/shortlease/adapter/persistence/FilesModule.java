package dev.shortlease.adapter.persistence;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import dev.shortlease.application.port.out.FileStorePort;
import dev.shortlease.domain.port.AppMediaPort;
import dev.shortlease.domain.port.MessageFilesPort;
import dev.shortlease.domain.port.UploadsPort;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Guice module of the files part of the persistence adapter: upload and message-file metadata and
 * the apps' media switches (one {@link FilesAdapter} over the shared {@link PersistenceContext}),
 * and the file store in a local directory. Kept apart from {@link PersistenceModule} so an object
 * store can replace the directory by overriding the one {@link FileStorePort} binding.
 */
public final class FilesModule extends AbstractModule {
  private final Path filesDir;

  public FilesModule(Path filesDir) {
    this.filesDir = Objects.requireNonNull(filesDir, "filesDir");
  }

  @Provides
  @Singleton
  FilesAdapter files(PersistenceContext context) {
    return new FilesAdapter(context.sessionScope());
  }

  @Provides
  @Singleton
  UploadsPort uploads(FilesAdapter files) {
    return files;
  }

  @Provides
  @Singleton
  MessageFilesPort messageFiles(FilesAdapter files) {
    return files;
  }

  @Provides
  @Singleton
  AppMediaPort appMedia(FilesAdapter files) {
    return files;
  }

  @Provides
  @Singleton
  FileStorePort fileStore() {
    return new LocalDirectoryFileStore(filesDir);
  }
}
