package dev.shortlease.domain;

import java.util.Objects;

/**
 * A file a user attached to a message: an upload (its ID and metadata) or a remote URL.
 *
 * @param upload the uploaded file's ID, {@code null} for a remote URL
 * @param url the remote URL, empty for an upload
 * @param size in bytes, {@code -1} when unknown (remote files)
 */
public record MessageFile(
    FileKind kind,
    FileTransfer transfer,
    UploadFileId upload,
    String url,
    String name,
    String extension,
    String mimeType,
    long size) {

  public MessageFile {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(transfer, "transfer");
    if ((transfer == FileTransfer.LOCAL_FILE) != (upload != null)) {
      throw new IllegalArgumentException("an upload ID exactly when the file is a local file");
    }
    url = url == null ? "" : url;
    name = name == null ? "" : name;
    extension = extension == null ? "" : extension;
    mimeType = mimeType == null ? "" : mimeType;
  }

  /** A file the user uploaded earlier, attached as {@code kind}. */
  public static MessageFile uploaded(FileKind kind, UploadedFile file) {
    return new MessageFile(
        kind,
        FileTransfer.LOCAL_FILE,
        file.id(),
        "",
        file.name(),
        file.extension(),
        file.mimeType(),
        file.size());
  }

  /**
   * A file the model reads from {@code url}; its name is the URL's last path segment, shortened as
   * an upload's is ({@link FileNames}).
   */
  public static MessageFile remote(FileKind kind, String url) {
    String path = url.replaceFirst("[?#].*$", "");
    String name = FileNames.shortened(path.substring(path.lastIndexOf('/') + 1));
    String extension = FileNames.extensionOf(name);
    return new MessageFile(kind, FileTransfer.REMOTE_URL, null, url, name, extension, "", -1);
  }
}
