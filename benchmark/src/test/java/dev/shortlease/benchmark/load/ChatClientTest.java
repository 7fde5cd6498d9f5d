package dev.shortlease.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.shortlease.benchmark.load.ChatOutcome.Kind;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ChatClientTest {

  private HttpServer server;
  private volatile int status = 200;
  private volatile String stream = "";

  @BeforeEach
  void startStubServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/v1/chat-messages",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          byte[] body = stream.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
          exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private ChatOutcome chat() throws InterruptedException {
    URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    try (ChatClient.Session session =
        new ChatClient(base, "app-key", Duration.ofSeconds(5)).session()) {
      return session.chat("user-1", "hello");
    }
  }

  @Test
  @DisplayName("a stream of message events ending in message_end is a completed chat")
  void completedChat() throws Exception {
    stream =
        """
        event: ping

        data: {"event": "message", "answer": "Hi"}

        data: {"event": "message", "answer": "!"}

        data: {"event": "message_end", "metadata": {}}

        """;
    ChatOutcome outcome = chat();
    assertThat(outcome.kind()).isEqualTo(Kind.COMPLETED);
    assertThat(outcome.firstTokenMillis()).isBetween(0L, outcome.latencyMillis());
  }

  @Test
  @DisplayName("HTTP 503 counts as a pool timeout, another status as a failure")
  void statusCodes() throws Exception {
    stream = "{\"status\": 503, \"code\": \"unavailable\"}";
    status = 503;
    assertThat(chat().kind()).isEqualTo(Kind.POOL_TIMEOUT);
    status = 401;
    assertThat(chat().kind()).isEqualTo(Kind.FAILED);
  }

  @Test
  @DisplayName(
      "an error response's message is part of the outcome: a full line is not a pool timeout")
  void errorMessageInTheDetail() throws Exception {
    status = 503;
    stream =
        "{\"status\": 503, \"code\": \"service_unavailable\", \"message\": \"Too many chats are"
            + " starting at once (2000 waiting); retry in a moment.\"}";
    assertThat(chat().detail())
        .isEqualTo(
            "http 503: Too many chats are starting at once (2000 waiting); retry in a moment.");
    stream = "not json";
    assertThat(chat().detail()).isEqualTo("http 503");
  }

  @Test
  @DisplayName("an error event fails the chat, and a stream with no terminal event is broken")
  void errorEventAndTruncatedStream() throws Exception {
    stream = "data: {\"event\": \"error\", \"status\": 500, \"code\": \"model_failed\"}\n\n";
    ChatOutcome failed = chat();
    assertThat(failed.kind()).isEqualTo(Kind.FAILED);
    assertThat(failed.detail()).contains("model_failed");
    stream = "data: {\"event\": \"message\", \"answer\": \"Hi\"}\n\n";
    assertThat(chat().kind()).isEqualTo(Kind.BROKEN);
  }

  @Test
  @DisplayName(
      "a kept-alive connection the server closed while idle is reopened once, not a failure")
  void staleKeepAliveConnectionIsReopened() throws Exception {
    byte[] answer =
        ("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nContent-Length: 48\r\n\r\n"
                + "data: {\"event\": \"message_end\", \"metadata\": {}}\n\n")
            .getBytes(StandardCharsets.UTF_8);
    try (java.net.ServerSocket proxy = new java.net.ServerSocket(0)) {
      Thread.ofVirtual()
          .start(
              () -> {
                // Each connection gets one answer, then is closed: as a proxy does when its
                // backend dies between two requests of a kept-alive client connection.
                for (int i = 0; i < 2; i++) {
                  try (java.net.Socket socket = proxy.accept()) {
                    java.io.InputStream in = socket.getInputStream();
                    byte[] buffer = new byte[8192];
                    in.read(buffer);
                    socket.getOutputStream().write(answer);
                    socket.getOutputStream().flush();
                    Thread.sleep(100);
                  } catch (IOException | InterruptedException e) {
                    return;
                  }
                }
              });
      URI base = URI.create("http://127.0.0.1:" + proxy.getLocalPort());
      try (ChatClient.Session session =
          new ChatClient(base, "app-key", Duration.ofSeconds(5)).session()) {
        assertThat(session.chat("user-1", "first").kind()).isEqualTo(Kind.COMPLETED);
        Thread.sleep(300); // the server has closed the connection by now
        assertThat(session.chat("user-1", "second").kind()).isEqualTo(Kind.COMPLETED);
      }
    }
  }
}
