package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Refused bodies reach a client that sends its whole body before it reads, as Python's {@code
 * http.client} (so {@code requests} and Dify's Python SDK) does: it gets the error, not a reset
 * connection. The bodies are larger than the socket buffers, so a server that closes without
 * reading them resets the connection under the client's write.
 */
class RefusedBodiesTest {
  private static final int BODY_BYTES = 24 * 1024 * 1024;

  private static ShortleaseServer server;
  private static Api.AppKey app;

  @BeforeAll
  static void start() {
    server =
        TestServers.simulated(
            Map.of(
                "UPLOAD_FILE_SIZE_LIMIT", "1",
                "UPLOAD_IMAGE_FILE_SIZE_LIMIT", "1",
                "UPLOAD_AUDIO_FILE_SIZE_LIMIT", "1",
                "UPLOAD_VIDEO_FILE_SIZE_LIMIT", "1"));
    app = new Api(server).createApp("chat");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @ParameterizedTest(name = "{0} with {1}: {3} {4}")
  @CsvSource({
    "/v1/chat-messages, a key, application/json, 413, request_entity_too_large",
    "/v1/files/upload, a key, multipart/form-data; boundary=X, 413, file_too_large",
    "/v1/files/upload, a wrong key, multipart/form-data; boundary=X, 401, unauthorized"
  })
  @DisplayName("a refused body, sent whole before reading, gets its error, not a reset")
  void refusedBodyGetsItsError(String path, String key, String type, int status, String code)
      throws IOException {
    String auth = "Bearer " + (key.equals("a key") ? app.key() : "app-wrong");
    Reply reply = sendWholeThenRead(path, auth, type);
    assertThat(reply.status()).as(reply.body()).isEqualTo(status);
    assertThat(reply.json().get("code").asText()).isEqualTo(code);
  }

  @Test
  @DisplayName("a client that waits for 100 Continue gets the 413 without sending its body")
  void expectContinueIsNotAskedForTheBody() throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head("/v1/chat-messages", "Bearer " + app.key(), "application/json", true));
      out.flush();
      Reply reply = read(socket.getInputStream());
      assertThat(reply.status()).as(reply.body()).isEqualTo(413);
    }
  }

  private static Reply sendWholeThenRead(String path, String auth, String type) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(30_000);
      OutputStream out = socket.getOutputStream();
      out.write(head(path, auth, type, false));
      byte[] chunk = new byte[64 * 1024];
      Arrays.fill(chunk, (byte) 'a');
      for (int sent = 0; sent < BODY_BYTES; sent += chunk.length) {
        out.write(chunk); // without the server reading, this fails: "Connection reset"
      }
      out.flush();
      return read(socket.getInputStream());
    }
  }

  private static byte[] head(String path, String auth, String type, boolean expectContinue) {
    return ("POST "
            + path
            + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: "
            + auth
            + "\r\nContent-Type: "
            + type
            + "\r\nContent-Length: "
            + BODY_BYTES
            + (expectContinue ? "\r\nExpect: 100-continue" : "")
            + "\r\n\r\n")
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** One HTTP/1.1 answer with a Content-Length, as {@code http.client} reads it. */
  private static Reply read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("closed before the headers ended: " + head);
      }
      head.write(b);
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    int status = Integer.parseInt(lines[0].split(" ")[1]);
    int length =
        Arrays.stream(lines)
            .filter(line -> line.toLowerCase().startsWith("content-length:"))
            .mapToInt(line -> Integer.parseInt(line.substring(15).trim()))
            .findFirst()
            .orElseThrow();
    return new Reply(status, new String(in.readNBytes(length), StandardCharsets.UTF_8));
  }

  private record Reply(int status, String body) {
    JsonNode json() throws IOException {
      return Api.JSON.readTree(body);
    }
  }
}
