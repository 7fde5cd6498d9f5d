package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The started service, its only pooled connection taken away: requests fail fast with 503 and
 * {@code Retry-After} instead of hanging, save nothing, and work again once a connection is back.
 */
class PoolExhaustionTest {
  private ShortleaseServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @DisplayName("an exhausted pool answers 503 with Retry-After, changes nothing, and recovers")
  void exhaustedPoolIs503() throws Exception {
    AtomicReference<DataSource> pool = new AtomicReference<>();
    Map<String, String> env = TestServers.env();
    env.put("DB_POOL_SIZE", "1");
    env.put("DB_CONNECTION_TIMEOUT_MS", "250");
    env.put("CHAT_ADMISSION_WAIT_MS", "500"); // a start tries again for a connection that long
    server =
        ShortleaseServer.startDecorated(
            Settings.fromEnvironment(env),
            dataSource -> {
              pool.set(dataSource);
              return dataSource;
            });
    Api api = new Api(server);
    Api.AppKey app = api.createApp("chat");

    Api.Reply busy;
    try (Connection held = pool.get().getConnection()) {
      assertThat(held.isValid(1)).isTrue();
      busy = api.post("/v1/chat-messages", app.key(), Api.chat("u", "Hi", "blocking", null));
    }

    assertThat(busy.status()).as(busy.text()).isEqualTo(503);
    assertThat(busy.code()).isEqualTo("service_unavailable");
    assertThat(busy.raw().headers().firstValue("Retry-After")).isPresent();
    assertThat(busy.text()).doesNotContain("Exception");

    JsonNode none = api.get("/v1/conversations?user=u&limit=10", app.key()).json();
    assertThat(none.get("data")).as("the refused request saved nothing").isEmpty();

    Api.Reply served =
        api.post("/v1/chat-messages", app.key(), Api.chat("u", "Hi", "blocking", null));
    assertThat(served.status()).as(served.text()).isEqualTo(200);
  }
}
