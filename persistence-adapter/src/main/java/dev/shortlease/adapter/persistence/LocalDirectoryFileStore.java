package dev.shortlease.adapter.persistence;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import dev.shortlease.application.port.out.FileStorePort;
import dev.shortlease.application.port.out.StoredFile;
import dev.shortlease.application.port.out.StoredFilesPage;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.UploadFileId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * File store adapter: one file per upload in a local directory ({@code FILES_DIR}), two levels of
 * fan-out by the ID's first characters so no directory grows huge. Writes go to a temporary file
 * first and are moved into place, so a reader never sees half a file. Keep the directory on a
 * volume every instance shares, or bind an object store instead ({@link FileStorePort}).
 *
 * <p>The cleanup's walk ({@link #walk}) goes through that layout in name order, which is the IDs'
 * text order, so a page resumes after the last ID listed; only {@code root/ab/cd/abcd…} regular
 * files named by a canonical ID are listed, and a fan-out directory is one named by two lowercase
 * hex characters, as {@link #pathOf} makes them. In the same pass it deletes the old {@code
 * root/ab/cd/abcd….part} regular files, the store's incomplete writes (a crash mid-write). Anything
 * else, such as a symbolic link, or a file or directory someone put there, is skipped: never
 * listed, never deleted. A directory it cannot read is logged, named and gone past; an unfinished
 * write it cannot delete is logged and named. Names are relative to the root, never the host's
 * absolute paths.
 *
 * <p>A fan-out directory is removed once empty, by the delete that empties it or by the walk; a
 * write that finds its directory removed under it creates it again.
 */
public final class LocalDirectoryFileStore implements FileStorePort {
  private static final Logger LOG = LoggerFactory.getLogger(LocalDirectoryFileStore.class);
  private static final String PART = ".part";

  /** A write's tries at its directory and temporary file (a cleanup may remove the directory). */
  static final int WRITE_ATTEMPTS = 3;

  private final Path root;
  private final Consumer<Path> afterDirectoriesCreated;
  private final Directories directories;
  private final Deletions deletions;

  /** How the walk opens a directory; a test fails it where file permissions cannot (as root). */
  interface Directories {
    DirectoryStream<Path> open(Path dir) throws IOException;
  }

  /**
   * How the store deletes a file (a stored one, or an unfinished write); a test fails it where file
   * permissions cannot (as root).
   */
  interface Deletions {
    /** As {@link Files#deleteIfExists}: whether the file was there and is now deleted. */
    boolean deleteIfExists(Path file) throws IOException;
  }

  public LocalDirectoryFileStore(Path root) {
    this(root, directory -> {});
  }

  /** A test sees between a write's creating its directory and its temporary file. */
  LocalDirectoryFileStore(Path root, Consumer<Path> afterDirectoriesCreated) {
    this(root, afterDirectoriesCreated, Files::newDirectoryStream);
  }

  LocalDirectoryFileStore(Path root, Consumer<Path> afterDirectoriesCreated, Directories open) {
    this(root, afterDirectoriesCreated, open, Files::deleteIfExists);
  }

  LocalDirectoryFileStore(
      Path root, Consumer<Path> afterDirectoriesCreated, Directories open, Deletions deletions) {
    this.root = root.toAbsolutePath().normalize();
    this.afterDirectoriesCreated = afterDirectoriesCreated;
    this.directories = open;
    this.deletions = deletions;
  }

  @Override
  public void write(UploadFileId id, byte[] content) {
    Path target = pathOf(id);
    try {
      Path partial = startWrite(target);
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

  /**
   * The write's temporary file, its directories created first. A cleanup may remove an empty
   * directory in between: then both are tried again. Holding the file, the directory is not empty,
   * so it stays.
   */
  private Path startWrite(Path target) throws IOException {
    Path directory = target.getParent();
    for (int attempt = 1; ; attempt++) {
      try {
        Files.createDirectories(directory);
        afterDirectoriesCreated.accept(directory);
        return Files.createTempFile(directory, target.getFileName() + ".", PART);
      } catch (NoSuchFileException e) {
        if (attempt == WRITE_ATTEMPTS) {
          throw e;
        }
      }
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
    Path file = pathOf(id);
    try {
      deletions.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete file " + id, e);
    }
    deleteIfEmpty(file.getParent());
    deleteIfEmpty(file.getParent().getParent());
  }

  private static boolean isPart(String prefix, String name) {
    int idLength = 36;
    return name.startsWith(prefix)
        && name.endsWith(PART)
        && name.length() > idLength + PART.length()
        && name.charAt(idLength) == '.'
        && canonicalId(name.substring(0, idLength)) != null;
  }

  /**
   * Whether the regular file was older and is now deleted.
   *
   * @throws IOException when it cannot be read or deleted (not when it is gone already)
   */
  private boolean deleteIfOlder(Path file, Instant before) throws IOException {
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(file, BasicFileAttributes.class, NOFOLLOW_LINKS);
      return attributes.isRegularFile()
          && attributes.lastModifiedTime().toInstant().isBefore(before)
          && deletions.deleteIfExists(file);
    } catch (NoSuchFileException e) {
      return false;
    }
  }

  /** {@code path} relative to the root, as the cleanup's answer names it: never a host path. */
  private String relative(Path path) {
    String name = root.relativize(path).toString();
    return name.isEmpty() ? "." : name;
  }

  /**
   * Removes the fan-out directory if it is empty; an entry in it (a write's temporary file
   * included) keeps it, and a link in its place is not removed. Housekeeping: a directory that
   * stays costs an inode, so failures are ignored.
   */
  private static void deleteIfEmpty(Path directory) {
    try {
      if (Files.isDirectory(directory, NOFOLLOW_LINKS)) {
        Files.delete(directory);
      }
    } catch (DirectoryNotEmptyException | NoSuchFileException e) {
      // in use, or gone already
    } catch (IOException e) {
      LOG.debug("cannot remove the empty directory {}", directory, e);
    }
  }

  /**
   * One page of the cleanup's walk, in name order, which is the IDs' text order, so a page resumes
   * after the last ID listed. In each fan-out leaf it passes, it lists the stored files and deletes
   * the {@code .part} files (a write's temporary file, left by a crash mid-write) last modified
   * before {@code incompleteBefore}; it removes the fan-out directories it finishes and finds
   * empty. A directory it cannot read (list, or read its entries' attributes) is logged, named
   * (relative to the root) and gone past; so is a {@code .part} file it cannot delete.
   */
  @Override
  public StoredFilesPage walk(String cursor, int limit, Instant incompleteBefore) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1: " + limit);
    }
    return new PageWalk(cursor == null ? "" : cursor, limit, incompleteBefore).run();
  }

  /** One page's walk: the files it lists, the unfinished writes it deletes, what it skips. */
  private final class PageWalk {
    private final String after;
    private final int limit;
    private final Instant incompleteBefore;
    private final List<StoredFile> files = new ArrayList<>();
    private int deletedIncompleteWrites;
    private final List<String> skippedDirectories = new ArrayList<>();
    private final List<String> undeletableIncompleteWrites = new ArrayList<>();

    PageWalk(String after, int limit, Instant incompleteBefore) {
      this.after = after;
      this.limit = limit;
      this.incompleteBefore = incompleteBefore;
    }

    StoredFilesPage run() {
      List<String> tops = fanOut(root, "");
      for (String first : tops == null ? List.<String>of() : tops) {
        Path top = root.resolve(first);
        List<String> leaves = fanOut(top, first);
        if (leaves == null) {
          continue;
        }
        for (String second : leaves) {
          String last = leaf(top.resolve(second), first + second);
          if (last != null) {
            return page(last);
          }
        }
        deleteIfEmpty(top);
      }
      return page(null);
    }

    private StoredFilesPage page(String next) {
      return new StoredFilesPage(
          files, next, deletedIncompleteWrites, skippedDirectories, undeletableIncompleteWrites);
    }

    /**
     * Lists and sweeps one leaf after the cursor: the name at which the page filled up, or null
     * when the leaf is done (or skipped).
     */
    private String leaf(Path leaf, String prefix) {
      List<String> names = names(leaf);
      if (names == null) {
        return null;
      }
      // an entry that stays keeps the leaf: no removal tried (a failed one costs an exception)
      boolean keeps = false;
      for (String name : names) {
        if (name.compareTo(after) <= 0) {
          keeps = true;
          continue;
        }
        if (isPart(prefix, name)) {
          if (deleteIncompleteWrite(leaf.resolve(name))) {
            deletedIncompleteWrites++;
          } else {
            keeps = true;
          }
          continue;
        }
        keeps = true;
        StoredFile file;
        try {
          file = storedFile(leaf, prefix, name);
        } catch (IOException e) {
          skip(leaf, e);
          return null;
        }
        if (file != null) {
          files.add(file);
          if (files.size() == limit) {
            return name;
          }
        }
      }
      if (!keeps) {
        deleteIfEmpty(leaf);
      }
      return null;
    }

    /**
     * The fan-out directories under {@code dir} (names this store makes: {@link #isFanOutName})
     * whose key prefix ({@code prefix} and the name) does not sort before the cursor's; null when
     * {@code dir} cannot be read.
     */
    private List<String> fanOut(Path dir, String prefix) {
      List<String> names = names(dir);
      if (names == null) {
        return null;
      }
      return names.stream()
          .filter(LocalDirectoryFileStore::isFanOutName)
          .filter(
              name -> {
                String key = prefix + name;
                return key.compareTo(after.substring(0, Math.min(key.length(), after.length())))
                    >= 0;
              })
          .filter(name -> Files.isDirectory(dir.resolve(name), NOFOLLOW_LINKS))
          .toList();
    }

    /** The names in {@code dir}, sorted; null, logged and counted, when it cannot be read. */
    private List<String> names(Path dir) {
      try {
        return sortedNames(dir);
      } catch (IOException e) {
        skip(dir, e);
        return null;
      }
    }

    /** Whether the old unfinished write is now deleted; a failure is logged and named. */
    private boolean deleteIncompleteWrite(Path part) {
      try {
        return deleteIfOlder(part, incompleteBefore);
      } catch (IOException e) {
        undeletableIncompleteWrites.add(relative(part));
        LOG.warn("cannot delete the incomplete write {}", part, e);
        return false;
      }
    }

    private void skip(Path dir, IOException e) {
      skippedDirectories.add(relative(dir));
      LOG.warn(
          "the cleanup cannot read the directory {} and goes past it; what is in it is not cleaned",
          dir,
          e);
    }
  }

  /**
   * Whether {@code name} is one {@link #pathOf} gives a fan-out directory: two characters of a
   * canonical ID's text, lowercase hex. Any other directory (an operator's {@code tmp}, {@code ZZ}
   * or {@code .x}) is not the store's: never walked, never removed.
   */
  static boolean isFanOutName(String name) {
    return name.length() == 2 && isLowerHex(name.charAt(0)) && isLowerHex(name.charAt(1));
  }

  private static boolean isLowerHex(char c) {
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
  }

  /**
   * The file as listed, or null when it is not one of this store's (or is already gone). The name
   * is checked first: a foreign file costs no path and no key.
   */
  private StoredFile storedFile(Path leaf, String prefix, String name) throws IOException {
    UUID id = name.startsWith(prefix) ? canonicalId(name) : null;
    if (id == null) {
      return null;
    }
    Path file = leaf.resolve(name);
    try {
      BasicFileAttributes attributes =
          Files.readAttributes(file, BasicFileAttributes.class, NOFOLLOW_LINKS);
      return attributes.isRegularFile()
          ? new StoredFile(
              new UploadFileId(id), attributes.lastModifiedTime().toInstant(), relative(file))
          : null;
    } catch (NoSuchFileException e) {
      return null;
    }
  }

  /** The ID the name spells in canonical form, or null: parsed once, then used as the key. */
  private static UUID canonicalId(String name) {
    try {
      UUID id = UUID.fromString(name);
      return id.toString().equals(name) ? id : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * The names in {@code dir}, sorted; none when it does not exist (yet, or any more).
   *
   * @throws IOException when it cannot be read
   */
  private List<String> sortedNames(Path dir) throws IOException {
    List<String> names = new ArrayList<>();
    try (DirectoryStream<Path> entries = directories.open(dir)) {
      entries.forEach(entry -> names.add(entry.getFileName().toString()));
    } catch (NoSuchFileException | NotDirectoryException e) {
      return List.of();
    } catch (DirectoryIteratorException e) {
      throw e.getCause();
    }
    names.sort(null);
    return names;
  }

  Path pathOf(UploadFileId id) {
    String name = id.value().toString();
    return root.resolve(name.substring(0, 2)).resolve(name.substring(2, 4)).resolve(name);
  }
}
