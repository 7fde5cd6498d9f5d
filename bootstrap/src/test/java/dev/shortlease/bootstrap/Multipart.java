package dev.shortlease.bootstrap;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/** Test support: multipart uploads and binary downloads over real HTTP. */
final class Multipart {
  private static final String BOUNDARY = "----shortlease-test-boundary";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  /** One form part: a text field ({@code fileName} null) or a file. */
  record Part(String name, String fileName, String contentType, byte[] content) {
    static Part field(String name, String value) {
      return new Part(name, null, null, value.getBytes(StandardCharsets.UTF_8));
    }

    static Part file(String name, String fileName, String contentType, byte[] content) {
      return new Part(name, fileName, contentType, content);
    }
  }

  private Multipart() {}

  /** The Content-Type header of a {@link #body}. */
  static String contentType() {
    return "multipart/form-data; boundary=" + BOUNDARY;
  }

  static byte[] body(List<Part> parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Part part : parts) {
      write(
          out,
          "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + part.name() + "\"");
      if (part.fileName() != null) {
        write(out, "; filename=\"" + part.fileName() + "\"");
      }
      write(out, "\r\n");
      if (part.contentType() != null) {
        write(out, "Content-Type: " + part.contentType() + "\r\n");
      }
      write(out, "\r\n");
      out.writeBytes(part.content());
      write(out, "\r\n");
    }
    write(out, "--" + BOUNDARY + "--\r\n");
    return out.toByteArray();
  }

  static HttpResponse<byte[]> post(
      ShortleaseServer server, String path, String key, List<Part> parts) throws Exception {
    return CLIENT.send(request(server, path, key, parts), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static HttpRequest request(
      ShortleaseServer server, String path, String key, List<Part> parts) {
    return HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
        .timeout(Duration.ofSeconds(20))
        .header("Authorization", "Bearer " + key)
        .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body(parts)))
        .build();
  }

  /**
   * As {@link #post}, with {@code Expect: 100-continue}: the body is sent only once the server asks
   * for it, as a careful client does with a large upload. A refusal from the headers then arrives
   * whole; without it the server closes a connection still receiving the body, and the reset may
   * destroy the response before the client reads it.
   */
  static HttpResponse<byte[]> postExpectingContinue(
      ShortleaseServer server, String path, String key, List<Part> parts) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .timeout(Duration.ofSeconds(20))
            .expectContinue(true)
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .POST(HttpRequest.BodyPublishers.ofByteArray(body(parts)))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  /** As {@link #post}, but without a Content-Length: the body goes in chunks. */
  static HttpResponse<byte[]> postChunked(
      ShortleaseServer server, String path, String key, byte[] body) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .timeout(Duration.ofSeconds(30))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(body)))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static HttpResponse<byte[]> get(ShortleaseServer server, String path, String key)
      throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + key)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  static HttpResponse<byte[]> postJson(
      ShortleaseServer server, String path, String key, String json) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .timeout(Duration.ofSeconds(20))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
