package dev.shortlease.benchmark.springosiv;

import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.HikariPoolMXBean;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The service's admin endpoints the benchmark uses, behind {@code ADMIN_TOKEN}: create a chat app
 * (answering with its key) and the pool snapshot ({@code /admin/pool}, in the service's field
 * names).
 */
@RestController
public class AdminController {

  private final AppRepository apps;
  private final ApiKeyService apiKeys;
  private final HikariDataSource dataSource;
  private final MeterRegistry meters;
  private final String adminToken;

  public AdminController(
      AppRepository apps,
      ApiKeyService apiKeys,
      HikariDataSource dataSource,
      MeterRegistry meters,
      @Value("${admin.token:}") String adminToken) {
    this.apps = apps;
    this.apiKeys = apiKeys;
    this.dataSource = dataSource;
    this.meters = meters;
    this.adminToken = adminToken;
  }

  public record NewApp(String name, String mode) {}

  @PostMapping("/admin/apps")
  @ResponseStatus(HttpStatus.CREATED)
  public Map<String, Object> createApp(
      @RequestHeader(name = "Authorization", required = false) String authorization,
      @RequestBody NewApp request) {
    requireAdmin(authorization);
    if (!"chat".equals(request.mode())) {
      throw new ApiException(400, "invalid_param", "this peer serves chat apps only");
    }
    App app = apps.save(new App(request.name(), request.mode()));
    String key = apiKeys.issue(app);
    return Map.of(
        "id", app.getId().toString(), "name", app.getName(), "mode", app.getMode(), "api_key", key);
  }

  @GetMapping("/admin/pool")
  public Map<String, Object> pool(
      @RequestHeader(name = "Authorization", required = false) String authorization) {
    requireAdmin(authorization);
    HikariPoolMXBean pool = dataSource.getHikariPoolMXBean();
    Map<String, Object> snapshot = new LinkedHashMap<>();
    snapshot.put("active", pool.getActiveConnections());
    snapshot.put("idle", pool.getIdleConnections());
    snapshot.put("total", pool.getTotalConnections());
    snapshot.put("threadsWaiting", pool.getThreadsAwaitingConnection());
    snapshot.put("maximumPoolSize", dataSource.getMaximumPoolSize());
    Counter timeouts = meters.find("hikaricp.connections.timeout").counter();
    snapshot.put("timeouts", timeouts == null ? 0 : (long) timeouts.count());
    snapshot.put("acquireMillis", p99(meters.find("hikaricp.connections.acquire").timer()));
    snapshot.put("leaseMillis", p99(meters.find("hikaricp.connections.usage").timer()));
    return snapshot;
  }

  private static Map<String, Object> p99(Timer timer) {
    if (timer != null) {
      for (ValueAtPercentile value : timer.takeSnapshot().percentileValues()) {
        if (value.percentile() == 0.99) {
          return Map.of("p99", value.value(TimeUnit.MILLISECONDS));
        }
      }
    }
    return Map.of();
  }

  private void requireAdmin(String authorization) {
    byte[] expected = ("Bearer " + adminToken).getBytes(StandardCharsets.UTF_8);
    byte[] given = String.valueOf(authorization).getBytes(StandardCharsets.UTF_8);
    if (adminToken.isEmpty() || !MessageDigest.isEqual(expected, given)) {
      throw new ApiException(401, "unauthorized", "A valid admin token is required.");
    }
  }
}
