package dev.shortlease.adapter.web;

import dev.shortlease.application.port.in.MediaRejectedException;
import dev.shortlease.application.port.in.MediaRejectedException.Reason;
import dev.shortlease.application.port.in.PreviewFileUseCase;
import dev.shortlease.application.port.in.UploadFileUseCase;
import dev.shortlease.domain.App;
import dev.shortlease.domain.UploadFileId;
import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Web adapter: {@code POST /v1/files/upload} (one {@code file} part, optional {@code user}) and
 * {@code GET /v1/files/{file_id}/preview}, both scoped to the key's app and the end user.
 */
public final class FilesHandler {
  private final ApiAuth auth;
  private final UploadFileUseCase upload;
  private final PreviewFileUseCase preview;

  @Inject
  public FilesHandler(ApiAuth auth, UploadFileUseCase upload, PreviewFileUseCase preview) {
    this.auth = auth;
    this.upload = upload;
    this.preview = preview;
  }

  /** The largest multipart request any upload endpoint (files, audio) takes. */
  long maxRequestBytes() {
    return Math.max(upload.limits().largest(), AudioHandler.MAX_AUDIO_BYTES)
        + MultipartForm.OVERHEAD_BYTES;
  }

  void upload(Context ctx) {
    App app = auth.app(ctx);
    long limit = upload.limits().largest();
    ApiError tooLarge =
        new ApiError(413, "file_too_large", "The file is larger than " + limit + " bytes.");
    MultipartForm form = MultipartForm.of(ctx, limit, tooLarge).orElseThrow(FilesHandler::noFile);
    var parts = form.files();
    List<UploadedFile> files = parts.getOrDefault("file", List.of());
    if (files.isEmpty()) {
      throw noFile();
    }
    if (files.size() > 1 || parts.size() > 1) {
      throw new MediaRejectedException(Reason.TOO_MANY_FILES, "Only one file is allowed.");
    }
    UploadedFile file = files.getFirst();
    String user = form.field("user", QueryParams.DEFAULT_USER);
    var stored =
        upload.upload(
            app.id(),
            user,
            UnstorableText.refuseIn("filename", file.filename()),
            file.contentType(),
            MultipartForm.bytes(file, limit, tooLarge));
    Responses.json(ctx, 201, FileWire.uploaded(stored, user));
  }

  void preview(Context ctx) {
    App app = auth.app(ctx);
    UploadFileId id = UploadFileId.parse(ctx.pathParam("file_id"), "file_id");
    // read before the file is looked up, as Dify's preview does (file_preview.py)
    boolean attachment = QueryParams.bool(ctx, "as_attachment", false);
    PreviewFileUseCase.FileContent content =
        preview.preview(app.id(), QueryParams.optionalUser(ctx), id);
    dev.shortlease.domain.UploadedFile file = content.file();
    String mimeType = file.mimeType().isBlank() ? "application/octet-stream" : file.mimeType();
    // An upload's bytes are the client's: never a page that runs in this service's origin
    // (nosniff, as on every answer, comes from RequestFilters).
    if (ActiveContent.isHtml(mimeType, file.extension())
        || !ActiveContent.isOneMediaType(mimeType)) {
      attachment = true; // as Dify's preview does for HTML (enforce_download_for_html)
      mimeType = "application/octet-stream";
    } else if (ActiveContent.isScriptableDocument(mimeType, file.extension())) {
      attachment = true; // keeps its type, so an <img> still draws it; inert when opened
      ctx.header("Content-Security-Policy", ActiveContent.INERT_DOCUMENT_POLICY);
    }
    ctx.header(
        "Content-Disposition",
        (attachment ? "attachment" : "inline") + "; filename*=UTF-8''" + extValue(file.name()));
    ctx.contentType(mimeType);
    ctx.result(content.data());
  }

  /**
   * {@code name} as an RFC 5987 value: UTF-8, every byte but an {@code attr-char} %-encoded.
   * URLEncoder leaves {@code *} as it is, which that grammar does not allow, and writes a space as
   * {@code +}, which it would read as a plus.
   */
  private static String extValue(String name) {
    return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A");
  }

  private static MediaRejectedException noFile() {
    return new MediaRejectedException(Reason.NO_FILE, "Please upload your file.");
  }
}
