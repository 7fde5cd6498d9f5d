package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.Module;
import dev.shortlease.application.port.in.AdmitChatUseCase;
import dev.shortlease.application.testing.ScriptedChatModel;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A chat start that waited in the admission line and whose client hung up meanwhile is dropped
 * before anything is saved or the model is called; a client still there is served.
 */
class AbandonedStartTest {

  /** An admission line the test opens by hand. */
  static final class ManualLine implements AdmitChatUseCase {
    final Semaphore open = new Semaphore(0);
    final CountDownLatch waiting = new CountDownLatch(1);

    @Override
    public void enter() {
      waiting.countDown();
      open.acquireUninterruptibly();
    }

    @Override
    public void leave() {}

    @Override
    public void close() {}
  }

  private ShortleaseServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @DisplayName(
      "a start whose client left while it waited in the line saves nothing and calls no model")
  void abandonedStartIsDropped() throws Exception {
    ScriptedChatModel model = new ScriptedChatModel();
    ManualLine line = new ManualLine();
    Module gate = binder -> binder.bind(AdmitChatUseCase.class).toInstance(line);
    server = TestServers.scripted(model, gate);
    Api api = new Api(server);
    Api.AppKey app = api.createApp("chat");

    URI base = URI.create(server.baseUrl());
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(request(base, app.key(), Api.chat("gone", "hello", "streaming", null)));
      out.flush();
      assertThat(line.waiting.await(20, TimeUnit.SECONDS)).isTrue();
    } // the client hangs up while its start waits
    line.open.release();
    Thread.sleep(1_000);
    assertThat(model.requests()).as("model calls for the abandoned start").isEmpty();
    assertThat(api.get("/v1/conversations?user=gone", app.key()).json().get("data"))
        .as("conversations saved for the abandoned start")
        .isEmpty();

    line.open.release(); // a client still there is served as usual
    Api.Reply live =
        api.post("/v1/chat-messages", app.key(), Api.chat("here", "hello", "blocking", null));
    assertThat(live.status()).as(live.text()).isEqualTo(200);
    assertThat(model.requests()).hasSize(1);
  }

  private static byte[] request(URI base, String key, String json) {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    String head =
        "POST /v1/chat-messages HTTP/1.1\r\nHost: "
            + base.getHost()
            + ":"
            + base.getPort()
            + "\r\nAuthorization: Bearer "
            + key
            + "\r\nContent-Type: application/json\r\nContent-Length: "
            + body.length
            + "\r\n\r\n";
    byte[] all = new byte[head.length() + body.length];
    System.arraycopy(head.getBytes(StandardCharsets.US_ASCII), 0, all, 0, head.length());
    System.arraycopy(body, 0, all, head.length(), body.length);
    return all;
  }
}
