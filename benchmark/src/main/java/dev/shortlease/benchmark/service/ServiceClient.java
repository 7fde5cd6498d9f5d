package dev.shortlease.benchmark.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Benchmark harness: the service's admin and operations endpoints (create an app, read the pool
 * snapshot, scrape Prometheus), on a client of its own so it never queues behind the load.
 */
public final class ServiceClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http = HttpClient.newHttpClient();
  private final URI baseUrl;
  private final String adminToken;
  private final String metricsPath;
  private final boolean adminPool;

  /** A client of the service's own endpoints ({@code /admin/*}, {@code /metrics}). */
  public ServiceClient(URI baseUrl, String adminToken) {
    this(baseUrl, adminToken, "/metrics", true);
  }

  /** A client of what {@code launch}'s service answers. */
  public ServiceClient(URI baseUrl, String adminToken, ServiceLaunch launch) {
    this(baseUrl, adminToken, launch.metricsPath(), launch.adminPool());
  }

  private ServiceClient(URI baseUrl, String adminToken, String metricsPath, boolean adminPool) {
    this.baseUrl = baseUrl;
    this.adminToken = adminToken;
    this.metricsPath = metricsPath;
    this.adminPool = adminPool;
  }

  /** Creates a chat app and returns its API key. */
  public String createChatApp(String name) throws IOException, InterruptedException {
    String body = JSON.writeValueAsString(Map.of("name", name, "mode", "chat"));
    HttpRequest request =
        HttpRequest.newBuilder(baseUrl.resolve("/admin/apps"))
            .timeout(TIMEOUT)
            .header("Authorization", "Bearer " + adminToken)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build();
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() / 100 != 2) {
      throw new IOException("POST /admin/apps: " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body()).path("api_key").asText();
  }

  /**
   * {@code GET /admin/pool}: the pool snapshot as JSON. A service without it gets the fields every
   * HikariCP pool has ({@code active}, {@code threadsWaiting}, {@code timeouts}) from Micrometer's
   * pool metrics; the rest (percentiles, guard and leak counters) stays missing.
   */
  public JsonNode poolSnapshot() throws IOException, InterruptedException {
    if (adminPool) {
      return JSON.readTree(get("/admin/pool", true));
    }
    PrometheusText metrics = metrics();
    ObjectNode pool = JSON.createObjectNode();
    pool.put("active", (long) metrics.sum("hikaricp_connections_active", ""));
    pool.put("threadsWaiting", (long) metrics.sum("hikaricp_connections_pending", ""));
    pool.put("timeouts", (long) metrics.sum("hikaricp_connections_timeout_total", ""));
    return pool;
  }

  /** The service's Prometheus text ({@code /metrics}, or the launch's metrics path). */
  public PrometheusText metrics() throws IOException, InterruptedException {
    return new PrometheusText(get(metricsPath, false));
  }

  private String get(String path, boolean admin) throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(TIMEOUT);
    if (admin) {
      request.header("Authorization", "Bearer " + adminToken);
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + ": " + response.statusCode());
    }
    return response.body();
  }
}
