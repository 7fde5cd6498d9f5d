package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * With MANAGEMENT_PORT set, /admin/*, /dashboard and /metrics live only there; the API only on
 * PORT.
 */
class ManagementPortTest {

  @Test
  @DisplayName(
      "admin, dashboard and metrics answer on the management port and 404 on the public one")
  void managementRoutesAreSetApart() {
    try (ShortleaseServer server = TestServers.simulated(Map.of("MANAGEMENT_PORT", "0"))) {
      assertThat(server.managementUrl()).isNotEqualTo(server.baseUrl());
      Api api = new Api(server);
      Api management = new Api(server.managementUrl());

      Api.Reply publicAdmin =
          api.post("/admin/apps", TestServers.ADMIN_TOKEN, "{\"name\":\"x\",\"mode\":\"chat\"}");
      assertThat(publicAdmin.status()).isEqualTo(404);
      assertThat(publicAdmin.code()).isEqualTo("not_found");
      assertThat(api.get("/admin/pool", TestServers.ADMIN_TOKEN).status()).isEqualTo(404);
      assertThat(api.get("/metrics", null).status()).isEqualTo(404);
      assertThat(api.get("/dashboard", null).status()).isEqualTo(404);
      assertThat(api.get("/dashboard/dashboard.js", null).status()).isEqualTo(404);

      Api.AppKey app = management.createApp("chat");
      assertThat(management.get("/admin/pool", TestServers.ADMIN_TOKEN).status()).isEqualTo(200);
      assertThat(management.get("/metrics", null).text()).contains("hikaricp_connections");
      assertThat(management.get("/dashboard", null).status()).isEqualTo(200);
      assertThat(management.get("/v1/info", app.key()).status()).isEqualTo(404);
      assertThat(api.get("/v1/info", app.key()).status()).isEqualTo(200);

      assertThat(api.get("/health/live", null).status()).isEqualTo(200);
      assertThat(management.get("/health/ready", null).status()).isEqualTo(200);
      assertThat(Main.banner(server))
          .contains("admin, dashboard and metrics: " + server.managementUrl());
    }
  }

  @Test
  @DisplayName("without MANAGEMENT_PORT everything shares the public port, as before")
  void unsetSharesThePublicPort() {
    try (ShortleaseServer server = TestServers.simulated(Map.of())) {
      assertThat(server.managementUrl()).isEqualTo(server.baseUrl());
      Api api = new Api(server);
      assertThat(api.get("/metrics", null).status()).isEqualTo(200);
      assertThat(api.get("/admin/pool", TestServers.ADMIN_TOKEN).status()).isEqualTo(200);
    }
  }
}
