package dev.shortlease.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link RequestHeaderDeadline} on the connector the service uses ({@link ServerConfig#connector}),
 * with a short deadline: a slowloris client trickling header bytes is cut off, while a request
 * whose body trickles and a kept-alive connection between requests are left to their own limits.
 */
class RequestHeaderDeadlineTest {
  private static final Duration DEADLINE = Duration.ofMillis(600);
  private Javalin app;

  @BeforeEach
  void start() {
    app =
        Javalin.create(
                config -> {
                  config.concurrency.useVirtualThreads = true;
                  config.startup.showJavalinBanner = false;
                  config.jetty.addConnector(
                      (server, http) ->
                          ServerConfig.connector(server, http, "127.0.0.1", 0, DEADLINE));
                  config.routes.get("/ok", ctx -> ctx.result("ok"));
                  config.routes.post("/echo", ctx -> ctx.result(ctx.body()));
                })
            .start();
  }

  @AfterEach
  void stop() {
    app.stop();
  }

  @Test
  @DisplayName(
      "headers trickled a byte at a time are cut off after the deadline; others are served")
  void trickledHeadersAreCutOff() throws Exception {
    try (Socket loris = connect()) {
      OutputStream out = loris.getOutputStream();
      out.write("GET /ok HTTP/1.1\r\nHost: x\r\n".getBytes(StandardCharsets.US_ASCII));
      long start = System.nanoTime();
      boolean closed = false;
      // A byte every 100 ms restarts the idle timeout each time; only the deadline ends this.
      while (!closed && Duration.ofNanos(System.nanoTime() - start).toSeconds() < 10) {
        try {
          out.write('X');
          out.flush();
          closed = readsEnd(loris, 100);
        } catch (IOException reset) {
          closed = true;
        }
      }
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertThat(closed).as("connection closed by the server").isTrue();
      assertThat(took).isBetween(DEADLINE, DEADLINE.multipliedBy(4));
    }
    try (Socket good = connect()) {
      good.getOutputStream()
          .write("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      assertThat(statusLine(good.getInputStream())).startsWith("HTTP/1.1 200");
    }
  }

  @Test
  @DisplayName("a body that trickles past the deadline and a kept-alive connection are not cut off")
  void bodiesAndKeptAliveConnectionsAreNotHeaders() throws Exception {
    try (Socket slowBody = connect()) {
      OutputStream out = slowBody.getOutputStream();
      out.write(
          "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      for (int i = 0; i < 10; i++) { // 2 s in all, past the deadline three times
        Thread.sleep(200);
        out.write('a');
        out.flush();
      }
      assertThat(statusLine(slowBody.getInputStream())).startsWith("HTTP/1.1 200");
      // the same connection, kept alive and quiet past the deadline, still serves a request
      Thread.sleep(DEADLINE.multipliedBy(3).toMillis());
      out.write("GET /ok HTTP/1.1\r\nHost: x\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      String next = "";
      InputStream in = slowBody.getInputStream();
      while (!next.contains("HTTP/1.1")) {
        next = line(in); // past the first answer's headers and body (which ends with no newline)
      }
      assertThat(next).endsWith("HTTP/1.1 200 OK");
    }
  }

  private Socket connect() throws IOException {
    Socket socket = new Socket("127.0.0.1", app.port());
    socket.setSoTimeout(10_000);
    return socket;
  }

  /** True when the server has closed its side (end of stream) within {@code millis}. */
  private static boolean readsEnd(Socket socket, int millis) throws IOException {
    socket.setSoTimeout(millis);
    try {
      return socket.getInputStream().read() < 0;
    } catch (SocketTimeoutException stillOpen) {
      return false;
    } finally {
      socket.setSoTimeout(10_000);
    }
  }

  private static String statusLine(InputStream in) throws IOException {
    return line(in);
  }

  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      line.append((char) b);
    }
    return line.toString().strip();
  }
}
