package dev.shortlease.application.port.in;

import dev.shortlease.domain.FileKind;
import dev.shortlease.domain.FileTransfer;
import dev.shortlease.domain.InvalidInputException;
import dev.shortlease.domain.UploadFileId;
import java.net.URI;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of a chat request's {@code files}: an earlier upload of the same user, or a remote URL
 * ({@code http} or {@code https}).
 */
public record FileRequest(FileKind kind, FileTransfer transfer, UploadFileId upload, String url) {

  public FileRequest {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(transfer, "transfer");
    if (transfer == FileTransfer.LOCAL_FILE && upload == null) {
      throw new InvalidInputException("files.upload_file_id", "is required for local_file");
    }
    if (transfer == FileTransfer.REMOTE_URL) {
      url = requireWebUrl(url);
      upload = null;
    } else {
      url = "";
    }
  }

  private static String requireWebUrl(String url) {
    if (url == null || url.isBlank()) {
      throw new InvalidInputException("files.url", "is required for remote_url");
    }
    try {
      URI uri = new URI(url.strip());
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
        throw new InvalidInputException("files.url", "must be an http or https URL");
      }
      return uri.toString();
    } catch (java.net.URISyntaxException e) {
      throw new InvalidInputException("files.url", "is not a valid URL");
    }
  }
}
