package dev.shortlease.domain.port;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.UploadFileId;
import dev.shortlease.domain.UploadedFile;
import java.util.List;
import java.util.Optional;

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
}
