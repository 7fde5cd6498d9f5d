package dev.shortlease.application.testing;

import dev.shortlease.application.port.out.FileStorePort;
import dev.shortlease.application.port.out.StoredFile;
import dev.shortlease.application.port.out.StoredFilesPage;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMedia;
import dev.shortlease.domain.AppMediaPatch;
import dev.shortlease.domain.AppPatch;
import dev.shortlease.domain.AppWithMedia;
import dev.shortlease.domain.AppsPage;
import dev.shortlease.domain.EndUserId;
import dev.shortlease.domain.MessageFile;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.NotFoundException;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.UploadFileId;
import dev.shortlease.domain.UploadedFile;
import dev.shortlease.domain.port.AppMediaPort;
import dev.shortlease.domain.port.AppSetupPort;
import dev.shortlease.domain.port.EndUsersPort;
import dev.shortlease.domain.port.MessageFilesPort;
import dev.shortlease.domain.port.UploadsPort;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Test double of the files ports and the file store, in memory. End users and the apps' media
 * switches come from the in-memory store (app setup writes switches there); an upload by a user it
 * does not know gets a fresh ID.
 */
public final class InMemoryFiles
    implements UploadsPort, MessageFilesPort, AppMediaPort, FileStorePort {
  private final EndUsersPort endUsers;
  private final AppMediaPort media;
  private final AppSetupPort setup;
  private final Map<UploadFileId, UploadedFile> uploads = new ConcurrentHashMap<>();
  private final Map<UploadFileId, byte[]> bytes = new ConcurrentHashMap<>();
  private final Map<UploadFileId, Instant> written = new ConcurrentHashMap<>();
  private final Map<UploadFileId, Instant> unfinished = new ConcurrentHashMap<>();
  private final Map<MessageId, List<MessageFile>> attached = new ConcurrentHashMap<>();
  private final Map<String, EndUserId> newUsers = new ConcurrentHashMap<>();

  public <T extends EndUsersPort & AppMediaPort & AppSetupPort> InMemoryFiles(T store) {
    this.endUsers = store;
    this.media = store;
    this.setup = store;
  }

  @Override
  public UploadedFile recordUpload(
      AppId appId,
      String user,
      UploadFileId id,
      String name,
      String extension,
      String mimeType,
      long size) {
    EndUserId endUser =
        endUsers
            .findEndUser(appId, user)
            .orElseGet(() -> newUsers.computeIfAbsent(appId + "/" + user, k -> EndUserId.random()));
    UploadedFile file =
        new UploadedFile(
            id, new Owner(appId, endUser), name, extension, mimeType, size, Instant.now());
    uploads.put(id, file);
    return file;
  }

  @Override
  public Optional<UploadedFile> findUpload(Owner owner, UploadFileId id) {
    return Optional.ofNullable(uploads.get(id)).filter(file -> file.owner().equals(owner));
  }

  @Override
  public List<UploadedFile> findUploads(Owner owner, List<UploadFileId> ids) {
    return ids.stream().flatMap(id -> findUpload(owner, id).stream()).toList();
  }

  @Override
  public synchronized List<UploadFileId> deleteUnreferencedUploads(Duration olderThan, int limit) {
    Instant cutOff = Instant.now().minus(olderThan);
    List<UploadFileId> referenced =
        attached.values().stream()
            .flatMap(List::stream)
            .map(MessageFile::upload)
            .filter(java.util.Objects::nonNull)
            .toList();
    List<UploadFileId> deleted =
        uploads.values().stream()
            .filter(file -> file.createdAt().isBefore(cutOff))
            .map(UploadedFile::id)
            .filter(id -> !referenced.contains(id))
            .limit(limit)
            .toList();
    deleted.forEach(uploads::remove);
    return deleted;
  }

  @Override
  public Set<UploadFileId> recordedAmong(List<UploadFileId> ids) {
    return ids.stream().filter(uploads::containsKey).collect(Collectors.toSet());
  }

  /** Moves the upload's creation time {@code age} back (a test ages it for the cleanup). */
  public void backdateUpload(UploadFileId id, Duration age) {
    uploads.computeIfPresent(
        id,
        (key, file) ->
            new UploadedFile(
                file.id(),
                file.owner(),
                file.name(),
                file.extension(),
                file.mimeType(),
                file.size(),
                file.createdAt().minus(age)));
  }

  /** Moves the time the bytes under {@code id} were written {@code age} back (ages them). */
  public void backdateBytes(UploadFileId id, Duration age) {
    written.computeIfPresent(id, (key, at) -> at.minus(age));
  }

  /** A write under a new ID, last touched {@code age} ago, that never finished (a crash). */
  public UploadFileId unfinishedWrite(Duration age) {
    UploadFileId id = UploadFileId.random();
    unfinished.put(id, Instant.now().minus(age));
    return id;
  }

  /** Whether the unfinished write under {@code id} is still there. */
  public boolean hasUnfinishedWrite(UploadFileId id) {
    return unfinished.containsKey(id);
  }

  /** Whether bytes are stored under {@code id}. */
  public boolean hasBytes(UploadFileId id) {
    return bytes.containsKey(id);
  }

  @Override
  public synchronized void attachFiles(Owner owner, MessageId messageId, List<MessageFile> files) {
    // As the database's foreign key does: an upload deleted meanwhile refuses the whole attach.
    if (files.stream().anyMatch(f -> f.upload() != null && !uploads.containsKey(f.upload()))) {
      throw new NotFoundException(UPLOAD);
    }
    attached.put(messageId, List.copyOf(files));
  }

  @Override
  public Map<MessageId, List<MessageFile>> filesOf(Owner owner, List<MessageId> messageIds) {
    Map<MessageId, List<MessageFile>> found = new HashMap<>();
    messageIds.forEach(
        id -> Optional.ofNullable(attached.get(id)).ifPresent(f -> found.put(id, f)));
    return found;
  }

  @Override
  public AppMedia mediaOf(AppId appId) {
    return media.mediaOf(appId);
  }

  /** Test set-up: sets every switch, as an admin's patch does. */
  public void saveMedia(AppId appId, AppMedia switches) {
    setup.updateApp(appId, AppPatch.media(AppMediaPatch.replacing(switches)));
  }

  @Override
  public List<AppWithMedia> listAppsWithMedia() {
    return media.listAppsWithMedia();
  }

  @Override
  public AppsPage pageAppsWithMedia(int page, int limit) {
    return media.pageAppsWithMedia(page, limit);
  }

  @Override
  public void write(UploadFileId id, byte[] content) {
    bytes.put(id, content.clone());
    written.put(id, Instant.now());
  }

  @Override
  public byte[] read(UploadFileId id) {
    byte[] found = bytes.get(id);
    if (found == null) {
      throw new NotFoundException("file");
    }
    return found.clone();
  }

  @Override
  public void delete(UploadFileId id) {
    bytes.remove(id);
    written.remove(id);
  }

  /**
   * In key order after the cursor (the last key of the previous page), as the local store; the
   * first page deletes the old unfinished writes, as an object store would.
   */
  @Override
  public StoredFilesPage walk(String cursor, int limit, Instant incompleteBefore) {
    int deletedIncompleteWrites = cursor == null ? deleteIncompleteWrites(incompleteBefore) : 0;
    List<StoredFile> page =
        written.entrySet().stream()
            .sorted(Comparator.comparing(entry -> entry.getKey().toString()))
            .filter(entry -> cursor == null || entry.getKey().toString().compareTo(cursor) > 0)
            .limit(limit)
            .map(entry -> new StoredFile(entry.getKey(), entry.getValue()))
            .toList();
    return new StoredFilesPage(
        page,
        page.size() < limit ? null : page.get(page.size() - 1).id().toString(),
        deletedIncompleteWrites,
        List.of(),
        List.of());
  }

  private int deleteIncompleteWrites(Instant before) {
    List<UploadFileId> old =
        unfinished.entrySet().stream()
            .filter(entry -> entry.getValue().isBefore(before))
            .map(Map.Entry::getKey)
            .toList();
    old.forEach(unfinished::remove);
    return old.size();
  }
}
