package dev.shortlease.benchmark.load;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortlease.benchmark.service.JsonFields;
import dev.shortlease.benchmark.service.ProcStats;
import dev.shortlease.benchmark.service.ServiceClient;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Benchmark harness: samples, while the load runs, the pool's active connections ({@code
 * /admin/pool}), the service's PostgreSQL backends ({@code pg_stat_activity} by application name),
 * its heap ({@code /metrics}) and its RSS ({@code /proc}), keeping the maximum of each.
 */
public final class ResourceSampler implements AutoCloseable {

  private static final Duration PERIOD = Duration.ofMillis(250);

  private final ServiceClient service;
  private final long pid;
  private final Connection database;
  private final PreparedStatement backends;
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread thread;
  private volatile int maxActive;
  private volatile int maxWaiting;
  private volatile int maxBackends;
  private volatile double maxHeapMib = Double.NaN;
  private volatile double maxRssMib;
  private volatile String lastError = "";

  public ResourceSampler(ServiceClient service, long pid, String adminUrl, String applicationName)
      throws SQLException {
    this.service = service;
    this.pid = pid;
    this.database = DriverManager.getConnection(adminUrl);
    this.database.setAutoCommit(true);
    this.backends =
        database.prepareStatement(
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = ?");
    this.backends.setString(1, applicationName);
    this.thread = Thread.ofPlatform().name("resource-sampler").daemon().start(this::loop);
  }

  private void loop() {
    int tick = 0;
    while (running.get()) {
      try {
        sampleOnce(tick++ % 4 == 0);
        Thread.sleep(PERIOD);
      } catch (InterruptedException e) {
        return;
      } catch (Exception e) {
        lastError = e.toString();
      }
    }
  }

  /** One sample; the heap (a full Prometheus scrape) only when {@code withHeap}. */
  void sampleOnce(boolean withHeap) throws Exception {
    JsonNode pool = service.poolSnapshot();
    maxActive = Math.max(maxActive, pool.path("active").asInt());
    maxWaiting = Math.max(maxWaiting, JsonFields.field(pool, "threadsWaiting").asInt());
    try (ResultSet rs = backends.executeQuery()) {
      rs.next();
      maxBackends = Math.max(maxBackends, rs.getInt(1));
    }
    maxRssMib = Math.max(maxRssMib, ProcStats.statusMib(pid, "VmRSS"));
    if (withHeap) {
      double heap = service.metrics().sum("jvm_memory_used_bytes", "area=\"heap\"") / 1048576.0;
      if (!Double.isNaN(heap)) {
        maxHeapMib = Double.isNaN(maxHeapMib) ? heap : Math.max(maxHeapMib, heap);
      }
    }
  }

  public int maxActive() {
    return maxActive;
  }

  public int maxWaiting() {
    return maxWaiting;
  }

  public int maxBackends() {
    return maxBackends;
  }

  public double maxHeapMib() {
    return maxHeapMib;
  }

  /** The larger of the sampled RSS and the kernel's high-water mark ({@code VmHWM}). */
  public double maxRssMib() {
    return Math.max(maxRssMib, ProcStats.statusMib(pid, "VmHWM"));
  }

  public String lastError() {
    return lastError;
  }

  @Override
  public void close() throws SQLException, InterruptedException {
    running.set(false);
    thread.interrupt();
    thread.join(2000);
    database.close();
  }
}
