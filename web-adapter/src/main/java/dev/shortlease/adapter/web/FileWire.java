package dev.shortlease.adapter.web;

import dev.shortlease.application.port.in.FileRequest;
import dev.shortlease.domain.FileKind;
import dev.shortlease.domain.FileTransfer;
import dev.shortlease.domain.MessageFile;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.UploadFileId;
import dev.shortlease.domain.UploadedFile;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Web adapter: files in Dify's wire shapes — a chat request's {@code files}, the upload answer,
 * {@code message_end.files} and {@code /messages}' {@code message_files}. A local file's URL is
 * this service's preview route, with the user it belongs to.
 */
final class FileWire {
  private static final String TYPES =
      Arrays.stream(FileKind.values()).map(FileWire::wire).collect(Collectors.joining(", "));
  private static final String TRANSFERS =
      Arrays.stream(FileTransfer.values()).map(FileWire::wire).collect(Collectors.joining(", "));

  private FileWire() {}

  /** {@code files} of a chat request; wrong shapes and unknown names are a 400 naming the field. */
  static List<FileRequest> requests(JsonBody body) {
    List<FileRequest> requests = new ArrayList<>();
    for (JsonBody file : body.objectList("files")) {
      String transfer = file.text("transfer_method");
      String upload = file.text("upload_file_id");
      requests.add(
          new FileRequest(
              kind(file.text("type"), file.path("type")),
              transfer(transfer, file.path("transfer_method")),
              "local_file".equals(transfer)
                  ? UploadFileId.parse(upload, file.path("upload_file_id"))
                  : null,
              file.text("url")));
    }
    return requests;
  }

  /**
   * The answer of {@code POST /files/upload}. Dify's {@code source_url} is a signed link to the
   * file; here it is the preview route, for the uploader.
   */
  static Map<String, Object> uploaded(UploadedFile file, String user) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("id", file.id().toString());
    body.put("name", file.name());
    body.put("size", file.size());
    body.put("extension", file.extension());
    body.put("mime_type", file.mimeType());
    body.put("created_by", file.owner().endUserId().toString());
    body.put("created_at", file.createdAt().getEpochSecond());
    body.put("preview_url", null);
    body.put("source_url", previewUrl(file.id().toString(), user));
    body.put("original_url", null);
    body.put("user_id", null);
    body.put("tenant_id", null);
    body.put("conversation_id", null);
    body.put("file_key", null);
    body.put("reference", null);
    return body;
  }

  /** {@code message_end.files}: the message's files, or {@code null} when it has none (Dify). */
  static List<Map<String, Object>> messageEnd(
      MessageId message, List<MessageFile> files, String user) {
    if (files.isEmpty()) {
      return null;
    }
    List<Map<String, Object>> list = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      MessageFile file = files.get(i);
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("related_id", id(message, i, file));
      e.put("type", wire(file.kind()));
      e.put("filename", file.name());
      e.put("extension", file.extension().isEmpty() ? "" : "." + file.extension());
      e.put("mime_type", file.mimeType());
      e.put("size", file.size());
      e.put("transfer_method", wire(file.transfer()));
      e.put("url", url(file, user));
      e.put("upload_file_id", file.upload() == null ? "" : file.upload().toString());
      e.put("remote_url", file.url());
      list.add(e);
    }
    return list;
  }

  /** {@code message_files} of one message in {@code /messages}. */
  static List<Map<String, Object>> messageFiles(
      MessageId message, List<MessageFile> files, String user) {
    List<Map<String, Object>> list = new ArrayList<>();
    for (int i = 0; i < files.size(); i++) {
      MessageFile file = files.get(i);
      Map<String, Object> e = new LinkedHashMap<>();
      e.put("id", id(message, i, file));
      e.put("filename", file.name());
      e.put("type", wire(file.kind()));
      e.put("url", url(file, user));
      e.put("mime_type", file.mimeType());
      e.put("size", file.size());
      e.put("transfer_method", wire(file.transfer()));
      e.put("belongs_to", "user");
      e.put("upload_file_id", file.upload() == null ? null : file.upload().toString());
      list.add(e);
    }
    return list;
  }

  /** A remote file's own URL; an upload's preview route, for its owner. */
  static String url(MessageFile file, String user) {
    if (file.transfer() == FileTransfer.REMOTE_URL) {
      return file.url();
    }
    return previewUrl(file.upload().toString(), user);
  }

  private static String previewUrl(String upload, String user) {
    return "/v1/files/"
        + upload
        + "/preview?user="
        + URLEncoder.encode(user, StandardCharsets.UTF_8);
  }

  /** An upload's ID; for a remote file one derived from its message and place, stable per read. */
  private static String id(MessageId message, int position, MessageFile file) {
    if (file.upload() != null) {
      return file.upload().toString();
    }
    return UUID.nameUUIDFromBytes((message + "/" + position).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  static String wire(FileKind kind) {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  static String wire(FileTransfer transfer) {
    return transfer.name().toLowerCase(Locale.ROOT);
  }

  /** The kind a wire name means; {@code field} names it in the 400 when it means none. */
  static FileKind kind(String type, String field) {
    for (FileKind kind : FileKind.values()) {
      if (wire(kind).equals(type)) {
        return kind;
      }
    }
    throw new ApiException(ApiError.invalidParam(field + " must be one of " + TYPES));
  }

  /** The transfer a wire name means; {@code field} names it in the 400 when it means none. */
  static FileTransfer transfer(String method, String field) {
    for (FileTransfer transfer : FileTransfer.values()) {
      if (wire(transfer).equals(method)) {
        return transfer;
      }
    }
    throw new ApiException(ApiError.invalidParam(field + " must be one of " + TRANSFERS));
  }
}
