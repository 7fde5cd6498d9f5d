package dev.shortlease.benchmark.scaleout;

import dev.shortlease.benchmark.load.ChatClient;
import dev.shortlease.benchmark.load.ChatOutcome;
import dev.shortlease.benchmark.load.ClosedLoopLoad;
import dev.shortlease.benchmark.load.Warmup;
import dev.shortlease.benchmark.load.WindowRecorder;
import dev.shortlease.benchmark.service.ServiceClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The scale-out run (issue #18), a benchmark rather than a test: {@code deploy/local-cluster.sh up}
 * on a fresh database, {@code C} closed-loop streaming chats through HAProxy, {@code kill -9} of
 * one instance half-way through the window, then the checks — no error outside the streams the kill
 * cut, at most {@code SCALE_SERVER_CONNECTIONS} PostgreSQL backends, every answer saved before the
 * kill unchanged, no message {@code running} longer than 30 s. Prints a summary (also written to
 * {@code bench-results/scale-out-<time>/summary.txt}); exits 1 when a check fails. Run it with
 * {@code benchmark/scale-out.sh}; docs/scale-out.md has the knobs and the numbers.
 */
public final class ScaleOutMain {
  private static final String ADMIN_TOKEN = "admin-" + UUID.randomUUID();

  private ScaleOutMain() {}

  public static void main(String[] args) throws Exception {
    ScaleOutSettings settings = ScaleOutSettings.fromEnvironment(System.getenv());
    Path root = Path.of("").toAbsolutePath();
    String stamp =
        DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
            .withZone(ZoneOffset.UTC)
            .format(Instant.now());
    Path runDir = root.resolve("bench-results/scale-out-" + stamp);
    Files.createDirectories(runDir);
    String database = "scaleout_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    String clusterUrl =
        settings.adminDatabaseUrl().replaceFirst("(//[^/]+/)[^?]*", "$1" + database);
    execute(settings.adminDatabaseUrl(), "create database " + database);
    List<String> summary;
    try {
      summary = run(settings, root, runDir, clusterUrl);
    } finally {
      execute(settings.adminDatabaseUrl(), "drop database if exists " + database + " with (force)");
    }
    Files.write(runDir.resolve("summary.txt"), summary);
    summary.forEach(System.out::println);
    System.exit(summary.stream().anyMatch(line -> line.startsWith("FAIL")) ? 1 : 0);
  }

  private static List<String> run(ScaleOutSettings s, Path root, Path runDir, String clusterUrl)
      throws Exception {
    Map<String, String> env = new HashMap<>(s.modelEnv());
    env.put("DATABASE_URL", clusterUrl);
    env.put("DB_POOL_SIZE", Integer.toString(s.poolSize()));
    env.put("PGBOUNCER_SERVER_CONNECTIONS", Integer.toString(s.serverConnections()));
    env.put("CLUSTER_PORT", Integer.toString(freePort()));
    env.put("ADMIN_TOKEN", ADMIN_TOKEN);
    String loadBefore = loadAverage();
    long upStart = System.nanoTime();
    try (LocalClusterScript cluster =
            LocalClusterScript.up(root, runDir.resolve("cluster"), s.instances(), env);
        DatabaseWatch watch = new DatabaseWatch(clusterUrl)) {
      long upMillis = (System.nanoTime() - upStart) / 1_000_000;
      String key = new ServiceClient(cluster.balancer(), ADMIN_TOKEN).createChatApp("scale-out");
      Phases phases = new Phases();
      AtomicReference<Map<String, String>> savedAtKill = new AtomicReference<>(Map.of());
      AtomicLong takeoverMillis = new AtomicLong(-1);
      ScheduledExecutorService timers = Executors.newScheduledThreadPool(2);
      timers.scheduleAtFixedRate(() -> quietly(watch::sample), 0, 500, TimeUnit.MILLISECONDS);
      if (!s.killAfter().isZero()) {
        long at = s.warmup().plus(s.killAfter()).toMillis();
        timers.schedule(
            () -> quietly(() -> kill(cluster, s, watch, phases, savedAtKill, takeoverMillis)),
            at,
            TimeUnit.MILLISECONDS);
      }
      Duration timeout = s.llmLatency().multipliedBy(5).plusSeconds(70); // + admission wait
      WindowRecorder window =
          new ClosedLoopLoad(
                  new ChatClient(cluster.balancer(), key, timeout), s.concurrency(), s.llmLatency())
              .run(
                  Warmup.fixed(s.warmup()),
                  false,
                  s.window(),
                  timeout.plusSeconds(5),
                  () -> {},
                  () -> {},
                  phases::record);
      long waited = System.nanoTime();
      while (!s.killAfter().isZero()
          && takeoverMillis.get() < 0
          && System.nanoTime() - waited < TimeUnit.SECONDS.toNanos(90)) {
        Thread.sleep(200);
      }
      Thread.sleep(3_000); // the last saves, then one more sample
      timers.shutdownNow();
      watch.sample();
      String clusterStatus = cluster.status();
      Map<String, String> savedNow = watch.finished();
      long changed =
          savedAtKill.get().entrySet().stream()
              .filter(e -> !e.getValue().equals(savedNow.get(e.getKey())))
              .count();
      return Report.lines(
          s,
          loadBefore,
          loadAverage(),
          upMillis,
          window,
          phases,
          watch,
          savedAtKill.get().size(),
          changed,
          takeoverMillis.get(),
          clusterStatus);
    }
  }

  /** Kills the last instance; then waits until no message created before the kill is running. */
  private static void kill(
      LocalClusterScript cluster,
      ScaleOutSettings s,
      DatabaseWatch watch,
      Phases phases,
      AtomicReference<Map<String, String>> savedAtKill,
      AtomicLong takeoverMillis)
      throws Exception {
    savedAtKill.set(watch.finished());
    Timestamp killedAt = watch.now();
    phases.killedAt(System.nanoTime());
    cluster.kill(s.instances());
    long killed = System.nanoTime();
    while (watch.runningSince(killedAt) > 0) {
      Thread.sleep(200);
    }
    takeoverMillis.set((System.nanoTime() - killed) / 1_000_000);
  }

  /** Chats before the kill, cut by it (started before, failed after), and started after it. */
  static final class Phases {
    private volatile long killedAt = Long.MAX_VALUE;
    final Map<String, AtomicLong> counts = new java.util.concurrent.ConcurrentHashMap<>();
    final Map<String, AtomicLong> errorKinds = new java.util.concurrent.ConcurrentHashMap<>();

    void killedAt(long nanos) {
      killedAt = nanos;
    }

    void record(ChatOutcome outcome) {
      boolean completed = outcome.kind() == ChatOutcome.Kind.COMPLETED;
      String phase =
          outcome.endNanos() < killedAt
              ? "before the kill"
              : outcome.startNanos() < killedAt ? "cut by the kill" : "after the kill";
      counts
          .computeIfAbsent(phase + (completed ? " completed" : " errors"), k -> new AtomicLong())
          .incrementAndGet();
      if (!completed) {
        String detail = outcome.detail();
        errorKinds
            .computeIfAbsent(
                phase
                    + ": "
                    + outcome.kind()
                    + " "
                    + detail.substring(0, Math.min(80, detail.length())),
                k -> new AtomicLong())
            .incrementAndGet();
      }
    }

    long count(String key) {
      AtomicLong n = counts.get(key);
      return n == null ? 0 : n.get();
    }
  }

  static String loadAverage() {
    try {
      return Files.readString(Path.of("/proc/loadavg")).strip();
    } catch (IOException e) {
      return "unknown";
    }
  }

  private interface Step {
    void run() throws Exception;
  }

  private static void quietly(Step step) {
    try {
      step.run();
    } catch (Exception e) {
      System.err.println("scale-out: " + e);
    }
  }

  private static void execute(String url, String sql) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static int freePort() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port = 20_000 + (int) (Math.random() * 40_000);
      try (ServerSocket probe = new ServerSocket(port)) {
        return port;
      } catch (IOException taken) {
        // another
      }
    }
    throw new IOException("no free port in 20000-60000");
  }
}
