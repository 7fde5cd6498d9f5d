package dev.shortlease.adapter.llm;

import dev.langchain4j.http.client.FormDataFile;
import dev.langchain4j.http.client.HttpRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * LLM adapter internals: a LangChain4j request's form fields and files as one {@code
 * multipart/form-data} body (OpenAI's {@code /audio/transcriptions} takes its audio so), with the
 * boundary the provider announced in its {@code Content-Type} header, or one of our own.
 */
final class MultipartBody {
  private static final String OWN_BOUNDARY = "----shortlease-form-boundary";

  private MultipartBody() {}

  static boolean isMultipart(HttpRequest request) {
    return !request.formDataFields().isEmpty() || !request.formDataFiles().isEmpty();
  }

  /** The boundary in the request's {@code Content-Type}, if it names one. */
  static Optional<String> announcedBoundary(HttpRequest request) {
    return request.headers().entrySet().stream()
        .filter(header -> header.getKey().equalsIgnoreCase("Content-Type"))
        .filter(header -> header.getValue() != null)
        .flatMap(header -> header.getValue().stream())
        .filter(value -> value.contains("boundary="))
        .map(value -> value.substring(value.indexOf("boundary=") + 9).replace("\"", "").strip())
        .findFirst();
  }

  static String contentType(String boundary) {
    return "multipart/form-data; boundary=" + boundary;
  }

  static String ownBoundary() {
    return OWN_BOUNDARY;
  }

  static byte[] encode(HttpRequest request, String boundary) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, String> field : request.formDataFields().entrySet()) {
      write(body, "--" + boundary + "\r\n");
      write(body, "Content-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n");
      write(body, field.getValue() + "\r\n");
    }
    for (Map.Entry<String, FormDataFile> file : request.formDataFiles().entrySet()) {
      FormDataFile part = file.getValue();
      write(body, "--" + boundary + "\r\n");
      write(
          body,
          "Content-Disposition: form-data; name=\"%s\"; filename=\"%s\"\r\n"
              .formatted(file.getKey(), part.fileName()));
      write(body, "Content-Type: " + part.contentType() + "\r\n\r\n");
      body.writeBytes(part.content());
      write(body, "\r\n");
    }
    write(body, "--" + boundary + "--\r\n");
    return body.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
