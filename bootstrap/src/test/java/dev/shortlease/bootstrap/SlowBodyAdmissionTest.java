package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Chats whose bodies trickle in hold no place in the admission line (docs/limits.md): with every
 * place's worth of such clients connected, another client's chat starts at once, and the slow ones
 * are served once their bodies have arrived.
 */
class SlowBodyAdmissionTest {
  private static final int PERMITS = 2;

  @Test
  @DisplayName("clients that send a chat's body slowly do not keep other chats from starting")
  void slowBodiesDoNotHoldTheLine() throws Exception {
    Map<String, String> env = TestServers.env();
    env.put("CHAT_ADMISSION_PERMITS", String.valueOf(PERMITS));
    env.put("CHAT_ADMISSION_WAIT_MS", "3000"); // a chat kept out of the line gets 503 after this
    try (ShortleaseServer server = ShortleaseServer.start(Settings.fromEnvironment(env))) {
      Api api = new Api(server);
      Api.AppKey app = api.createApp("chat");
      byte[] body = Api.chat("slow", "Hi", "blocking", null).getBytes(StandardCharsets.UTF_8);
      List<Socket> slow = new ArrayList<>();
      try {
        for (int i = 0; i < PERMITS * 2; i++) {
          Socket socket = new Socket("127.0.0.1", server.port());
          socket.setSoTimeout(20_000);
          OutputStream out = socket.getOutputStream();
          out.write(
              ("POST /v1/chat-messages HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                      + app.key()
                      + "\r\nContent-Type: application/json\r\nContent-Length: "
                      + body.length
                      + "\r\n\r\n")
                  .getBytes(StandardCharsets.US_ASCII));
          out.write(body, 0, 1); // the rest comes later
          out.flush();
          slow.add(socket);
        }
        Thread.sleep(500); // their handlers now wait for the bodies

        long start = System.nanoTime();
        Api.Reply good =
            api.post("/v1/chat-messages", app.key(), Api.chat("good", "Hi", "blocking", null));
        long tookMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(good.status()).as(good.text()).isEqualTo(200);
        assertThat(tookMillis).as("the well-behaved chat's answer time (ms)").isLessThan(2500);

        for (Socket socket : slow) {
          socket.getOutputStream().write(body, 1, body.length - 1);
          socket.getOutputStream().flush();
        }
        for (Socket socket : slow) {
          assertThat(statusLine(socket.getInputStream())).startsWith("HTTP/1.1 200");
        }
      } finally {
        for (Socket socket : slow) {
          socket.close();
        }
      }
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
