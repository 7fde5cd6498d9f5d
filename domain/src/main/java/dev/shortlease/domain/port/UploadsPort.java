package dev.shortlease.domain.port;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.UploadFileId;
import dev.shortlease.domain.UploadedFile;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Outbound port: the metadata of uploaded files (the bytes live behind the file store). */
public interface UploadsPort {

  /**
   * Records an upload of {@code user} (created if the app has not seen it) and returns it with its
   * owner and creation time; one short transaction.
   */
  UploadedFile recordUpload(
      AppId appId,
      String user,
      UploadFileId id,
      String name,
      String extension,
      String mimeType,
      long size);

  /** The upload if it exists and belongs to {@code owner} (rule R4); empty otherwise. */
  Optional<UploadedFile> findUpload(Owner owner, UploadFileId id);

  /** The uploads among {@code ids} that belong to {@code owner}, in one read. */
  List<UploadedFile> findUploads(Owner owner, List<UploadFileId> ids);

  /**
   * Deletes up to {@code limit} uploads that no message's file references and that are older than
   * {@code olderThan} by the store's own clock (the one that stamped them, ADR 0056), and returns
   * their IDs; one short transaction, one statement that re-checks "unreferenced" as it deletes.
   * Their bytes are the caller's to remove, with no connection held. Fewer than {@code limit} IDs
   * means none are left.
   */
  List<UploadFileId> deleteUnreferencedUploads(Duration olderThan, int limit);

  /**
   * The IDs among {@code ids} that have an upload record, whoever owns it; one short statement. The
   * cleanup's sweep of the file store asks it, a page at a time, which stored files still belong to
   * an upload.
   */
  Set<UploadFileId> recordedAmong(List<UploadFileId> ids);
}
