package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two instances on one database, each with its app cache: a key revoked through one stops working
 * on the other within {@code APP_CACHE_TTL_MS}, which is capped at 10 s.
 */
class KeyRevocationAcrossInstancesTest {
  private static final long TTL_MILLIS = 1_000;

  @Test
  @Timeout(60)
  @DisplayName("a key revoked on instance A is refused by instance B within the cache TTL")
  void revokedKeyDiesEverywhereWithinTheTtl() throws Exception {
    Map<String, String> env = TestServers.env(); // one in-memory database for both
    env.put("APP_CACHE_TTL_MS", Long.toString(TTL_MILLIS));
    try (ShortleaseServer a = ShortleaseServer.start(Settings.fromEnvironment(env));
        ShortleaseServer b = ShortleaseServer.start(Settings.fromEnvironment(env))) {
      Api first = new Api(a);
      Api second = new Api(b);
      Api.AppKey app = first.createApp("chat");
      String keyId =
          first
              .get("/admin/apps/" + app.id() + "/keys", TestServers.ADMIN_TOKEN)
              .json()
              .at("/data/0/id")
              .asText();
      assertThat(second.get("/v1/info", app.key()).status()).as("B caches the key").isEqualTo(200);

      assertThat(
              first
                  .delete(
                      "/admin/apps/" + app.id() + "/keys/" + keyId, TestServers.ADMIN_TOKEN, "{}")
                  .status())
          .isEqualTo(204);
      long revoked = System.nanoTime();
      assertThat(first.get("/v1/info", app.key()).status()).as("A: at once").isEqualTo(401);

      while (second.get("/v1/info", app.key()).status() == 200) {
        Thread.sleep(20);
      }
      long millis = (System.nanoTime() - revoked) / 1_000_000;
      assertThat(second.get("/v1/info", app.key()).status()).isEqualTo(401);
      assertThat(millis).as("ms until B refused the key").isLessThanOrEqualTo(TTL_MILLIS + 500);
    }
  }
}
