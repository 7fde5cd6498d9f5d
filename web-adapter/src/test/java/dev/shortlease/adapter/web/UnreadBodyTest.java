package dev.shortlease.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@link UnreadBody}'s budget: a refused body that keeps coming is read only that long, then the
 * error goes out. (That a refused body within the budget reaches a client that sends before it
 * reads is {@code RefusedBodiesTest}, on the assembled service.)
 */
class UnreadBodyTest {
  private Javalin app;

  @AfterEach
  void stop() {
    if (app != null) {
      app.stop();
    }
  }

  @Test
  @DisplayName("a refused body that never ends is read for the budget, then the error goes out")
  void endlessBodyGetsItsErrorAfterTheBudget() throws Exception {
    UnreadBody unreadBody = new UnreadBody(Duration.ofMillis(300));
    app =
        Javalin.create(
                config -> {
                  config.concurrency.useVirtualThreads = true;
                  config.startup.showJavalinBanner = false;
                  config.routes.post("/refused", ctx -> ctx.status(413).result("too large"));
                  config.routes.after(unreadBody::discardAfterError);
                })
            .start("127.0.0.1", 0);
    AtomicBoolean stillSending = new AtomicBoolean(true);
    try (Socket socket = new Socket("127.0.0.1", app.port())) {
      socket.setSoTimeout(10_000); // without the budget, the reply never comes: this read fails
      OutputStream out = socket.getOutputStream();
      out.write(
          ("POST /refused HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: "
                  + Long.MAX_VALUE / 2
                  + "\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      Thread.ofVirtual().start(() -> sendUntilStopped(out, stillSending)); // closing ends it
      String statusLine = statusLine(socket.getInputStream());
      stillSending.set(false);
      assertThat(statusLine).startsWith("HTTP/1.1 413");
    }
  }

  private static void sendUntilStopped(OutputStream out, AtomicBoolean stillSending) {
    byte[] chunk = new byte[16 * 1024];
    Arrays.fill(chunk, (byte) 'a');
    try {
      while (stillSending.get()) {
        out.write(chunk);
      }
    } catch (IOException closed) {
      // the server closed after its answer, as it may with a body still coming
    }
  }

  private static String statusLine(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder();
    for (int b = in.read(); b >= 0 && b != '\n'; b = in.read()) {
      line.append((char) b);
    }
    return line.toString().strip();
  }
}
