package dev.shortlease.bootstrap.faults;

import dev.shortlease.adapter.persistence.PersistenceSettings;
import dev.shortlease.adapter.persistence.testing.PostgresTestDatabase;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The local scale-out cluster as an operator starts it: {@code deploy/local-cluster.sh up} with
 * {@code N} instances (child JVMs running this test's class path) through a real PgBouncer in
 * transaction mode, behind a real HAProxy, on a fresh PostgreSQL database of its own (dropped on
 * {@link #close()}). Configs, pids and logs stay in {@code target/cluster/<name>-…}.
 */
final class LocalCluster implements AutoCloseable {
  static final String ADMIN_TOKEN = "admin-token-for-cluster-tests";
  private static final Pattern SERVER = Pattern.compile("jdbc:postgresql://([^/:?]+)(?::(\\d+))?/");
  private static final Pattern RUNNING =
      Pattern.compile("(?m)^shortlease_chats_running(?:\\{[^}]*})? (\\S+)$");
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final Path dir;
  private final Map<String, String> env;
  private final String adminUrl;
  private final String database;
  private final PersistenceSettings settings;
  private boolean up;

  private LocalCluster(
      Path dir, Map<String, String> env, String adminUrl, String database, String url) {
    this.dir = dir;
    this.env = env;
    this.adminUrl = adminUrl;
    this.database = database;
    this.settings = PersistenceSettings.of(url, null, null);
  }

  /**
   * Creates a database, then runs {@code local-cluster.sh up} with {@code instances} and {@code
   * serviceEnv} (the instances' settings). Skips without PostgreSQL or without the binaries (fails
   * under CI).
   */
  static LocalCluster up(String name, int instances, Map<String, String> serviceEnv)
      throws Exception {
    PersistenceSettings test = PostgresTestDatabase.settings(); // skips without PostgreSQL
    ClusterBinaries.require();
    Matcher server = SERVER.matcher(test.jdbcUrl());
    if (!server.find()) {
      throw new IllegalStateException("unexpected JDBC URL " + test.jdbcUrl());
    }
    String credentials =
        "?user="
            + (test.user() != null ? test.user() : userOf(test.jdbcUrl()))
            + (test.password() == null || test.password().isEmpty()
                ? ""
                : "&password=" + test.password());
    String host = "jdbc:postgresql://" + server.group(1) + ":" + portOr5432(server.group(2));
    String database = "cluster_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    String adminUrl = host + "/postgres" + credentials;
    execute(adminUrl, "create database " + database);

    Path dir = Path.of("target", "cluster", name + "-" + database.substring(8)).toAbsolutePath();
    Map<String, String> env = new HashMap<>(serviceEnv);
    env.put("N", Integer.toString(instances));
    env.put("CLUSTER_DIR", dir.toString());
    env.put("CLUSTER_PORT", Integer.toString(freePort()));
    env.put("DATABASE_URL", host + "/" + database + credentials);
    env.put("ADMIN_TOKEN", ADMIN_TOKEN);
    env.put("SHORTLEASE_CLASSPATH", System.getProperty("java.class.path"));
    env.put("JAVA_HOME", System.getProperty("java.home"));
    // Quick starts on a busy machine: C1 only and the serial collector, as for a short-lived JVM.
    env.putIfAbsent("CLUSTER_JAVA_OPTS", "-Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC");
    env.putIfAbsent("CLUSTER_START_TIMEOUT", "420");
    LocalCluster cluster = new LocalCluster(dir, env, adminUrl, database, env.get("DATABASE_URL"));
    cluster.up = true; // down also cleans up after a start that failed half-way
    try {
      Script.Result result = cluster.script("up");
      if (result.code() != 0) {
        throw new AssertionError(
            "local-cluster.sh up failed (" + result.code() + "):\n" + cluster.describe(result));
      }
      return cluster;
    } catch (Throwable e) {
      cluster.close();
      throw e;
    }
  }

  /** The balancer's address, {@code http://127.0.0.1:port}. */
  String balancer() {
    return "http://127.0.0.1:" + env.get("CLUSTER_PORT");
  }

  /** Each instance's own address, instance 1 first. */
  List<String> instances() throws IOException {
    List<String> urls = new ArrayList<>();
    for (int i = 1; Files.isDirectory(dir.resolve("instance-" + i)); i++) {
      urls.add(
          "http://127.0.0.1:" + Files.readString(dir.resolve("instance-" + i + "/port")).strip());
    }
    return urls;
  }

  /** Instance {@code index}'s process ID (1-based), as the script recorded it. */
  long pid(int index) throws IOException {
    return Long.parseLong(Files.readString(dir.resolve("instance-" + index + "/pid")).strip());
  }

  /** Every process the script started: instances, HAProxy, PgBouncer (those still recorded). */
  List<Long> recordedPids() throws IOException {
    List<Long> pids = new ArrayList<>();
    try (var files = Files.walk(dir)) {
      for (Path file : files.filter(f -> f.getFileName().toString().endsWith("pid")).toList()) {
        pids.add(Long.parseLong(Files.readString(file).strip()));
      }
    }
    return pids;
  }

  /** SIGKILL to instance {@code index}: a crash, no shutdown of any kind. */
  void kill(int index) throws Exception {
    ProcessHandle process =
        ProcessHandle.of(pid(index))
            .orElseThrow(() -> new AssertionError("instance " + index + " is not running"));
    process.destroyForcibly();
    process.onExit().get(10, TimeUnit.SECONDS);
  }

  /** How many chats run on the instance at {@code url} ({@code shortlease_chats_running}). */
  static int runningChats(String url) throws Exception {
    Matcher m = RUNNING.matcher(call("GET", url + "/metrics", null, null).body());
    if (!m.find()) {
      throw new AssertionError("no shortlease_chats_running on " + url + "/metrics");
    }
    return (int) Double.parseDouble(m.group(1));
  }

  /** The cluster's database, read directly (never through PgBouncer). */
  FaultDatabase database() {
    return new FaultDatabase(settings);
  }

  /** Runs {@code local-cluster.sh <command> [args]} with this cluster's environment. */
  Script.Result script(String... command) throws Exception {
    return Script.run(env, command);
  }

  /** {@code local-cluster.sh down}, once. */
  Script.Result down() throws Exception {
    up = false;
    return script("down");
  }

  /** An HTTP call with an optional bearer token and JSON body. */
  static HttpResponse<String> call(String method, String url, String token, String json)
      throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      request.header("Content-Type", "application/json");
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** The script's output, then each instance's log (for failures). */
  String describe(Script.Result result) {
    StringBuilder out = new StringBuilder(result.output());
    try (var files = Files.walk(dir)) {
      for (Path log : files.filter(f -> f.toString().endsWith(".log")).sorted().toList()) {
        String text = Files.readString(log);
        out.append("\n--- ")
            .append(dir.relativize(log))
            .append(" (last 3000 chars)\n")
            .append(text.substring(Math.max(0, text.length() - 3000)));
      }
    } catch (IOException e) {
      out.append("\n(no logs: ").append(e).append(')');
    }
    return out.toString();
  }

  @Override
  public void close() throws Exception {
    try {
      if (up) {
        down();
      }
    } finally {
      execute(adminUrl, "drop database if exists " + database + " with (force)");
    }
  }

  private static void execute(String url, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, new Properties());
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static String userOf(String url) {
    Matcher m = Pattern.compile("[?&]user=([^&]+)").matcher(url);
    return m.find() ? m.group(1) : System.getProperty("user.name");
  }

  private static String portOr5432(String port) {
    return port == null ? "5432" : port;
  }

  /** A port from 20000–60000 that was free a moment ago. */
  private static int freePort() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int candidate = ThreadLocalRandom.current().nextInt(20_000, 60_000);
      try (ServerSocket probe = new ServerSocket(candidate, 1, InetAddress.getLoopbackAddress())) {
        return candidate;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IOException("no free port in 20000-60000");
  }

  /** {@code deploy/local-cluster.sh}, run with bash from the repository's root. */
  static final class Script {
    record Result(int code, String output) {}

    static Result run(Map<String, String> env, String... command) throws Exception {
      // Surefire runs in the module directory (bootstrap/); deploy/ sits beside the modules.
      Path root = Path.of(System.getProperty("user.dir")).getParent();
      Path log = Files.createTempFile("local-cluster-", ".log");
      try {
        ProcessBuilder builder =
            new ProcessBuilder(
                    Stream.concat(Stream.of("bash", "deploy/local-cluster.sh"), Stream.of(command))
                        .toList())
                .directory(root.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> !k.equals("PATH") && !k.equals("HOME"));
        builder.environment().putAll(env);
        Process process = builder.start();
        if (!process.waitFor(600, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
          throw new AssertionError(
              "local-cluster.sh "
                  + String.join(" ", command)
                  + " took over 600 s:\n"
                  + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log));
      } finally {
        Files.deleteIfExists(log);
      }
    }

    private Script() {}
  }

  @Override
  public String toString() {
    return "LocalCluster[" + dir.getFileName().toString().toLowerCase(Locale.ROOT) + "]";
  }
}
