package dev.shortlease.adapter.web;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Web adapter: a {@code multipart/form-data} request with one file part, read with a size cap. The
 * declared length is checked before anything is parsed, and the part's size before its bytes are
 * read, so an oversized upload is refused without being held in memory.
 */
final class MultipartForm {
  /** Room for the part headers and the other fields around the file itself. */
  static final long OVERHEAD_BYTES = 64 * 1024;

  private static final String INVALID_BYTE = "invalid byte ";

  private final Context ctx;
  private final ApiError tooLarge;

  private MultipartForm(Context ctx, ApiError tooLarge) {
    this.ctx = ctx;
    this.tooLarge = tooLarge;
  }

  /**
   * The form, or empty when the request is not multipart. A declared body above {@code
   * maxFileBytes} plus the overhead is refused with {@code tooLarge}.
   */
  static Optional<MultipartForm> of(Context ctx, long maxFileBytes, ApiError tooLarge) {
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      return Optional.empty();
    }
    if (ctx.req().getContentLengthLong() > maxFileBytes + OVERHEAD_BYTES) {
      throw new ApiException(tooLarge);
    }
    return Optional.of(new MultipartForm(ctx, tooLarge));
  }

  /**
   * Every file part, by field name. A body without a length that runs past the multipart limit
   * ({@code maxTotalRequestSize}) is refused with {@code tooLarge}; a control character in a part's
   * headers with a 400 naming the filename; another malformed body with a 400.
   */
  Map<String, List<UploadedFile>> files() {
    try {
      return ctx.uploadedFileMap();
    } catch (Exception e) { // Jetty's parse failure arrives as an undeclared ServletException
      // Jetty closes the connection after a body it could not parse; without the header a
      // keep-alive client sends its next request on the dead connection and fails it.
      ctx.header("Connection", "close");
      for (Throwable t = e; t != null; t = t.getCause()) {
        String message = String.valueOf(t.getMessage());
        if (t instanceof IllegalStateException && message.startsWith("max length exceeded")) {
          throw new ApiException(tooLarge);
        }
        int at = message.indexOf(INVALID_BYTE);
        if (at >= 0) {
          throw controlCharacter(message.substring(at + INVALID_BYTE.length()).strip());
        }
      }
      throw new ApiException(
          ApiError.invalidParam("The body is not a valid multipart/form-data request."));
    }
  }

  /**
   * Jetty's words for a control byte (hex) in a part's headers. The filename is the one header
   * value a client writes freely there (a field's name is the API's), so the answer names it.
   */
  private static ApiException controlCharacter(String hex) {
    if (hex.equals("0")) {
      return UnstorableText.refusal("filename");
    }
    String escaped = "\\u" + "0".repeat(Math.max(0, 4 - hex.length())) + hex;
    return new ApiException(
        ApiError.invalidParam("filename must not contain control characters (" + escaped + ")"));
  }

  /** A text field, or {@code fallback} when absent or blank. */
  String field(String name, String fallback) {
    String value = UnstorableText.refuseIn(name, ctx.formParam(name));
    return value == null || value.isBlank() ? fallback : value;
  }

  /** The part's bytes, refused with {@code tooLarge} above {@code maxBytes}. */
  static byte[] bytes(UploadedFile file, long maxBytes, ApiError tooLarge) {
    if (file.size() > maxBytes) {
      throw new ApiException(tooLarge);
    }
    try (InputStream in = file.content()) {
      return in.readNBytes((int) Math.min(maxBytes + 1, Integer.MAX_VALUE - 8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
