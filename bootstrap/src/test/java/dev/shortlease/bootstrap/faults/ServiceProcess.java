package dev.shortlease.bootstrap.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The real service in a child JVM ({@code java -cp <this test's classpath>
 * dev.shortlease.bootstrap.Main}), configured by environment variables as an operator would, its
 * output in {@code target/faults/<name>.log}. A test can send it SIGTERM ({@link #terminate()}) or
 * SIGKILL ({@link #kill()}), as an orchestrator does.
 */
final class ServiceProcess implements AutoCloseable {
  static final String ADMIN_TOKEN = "admin-token-for-fault-tests";
  private static final Pattern RUNNING_AT =
      Pattern.compile("shortlease is running at http://[^:/\\s]+:(\\d+)");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  private final Process process;
  private final Path log;
  private final int port;

  private ServiceProcess(Process process, Path log, int port) {
    this.process = process;
    this.log = log;
    this.port = port;
  }

  /** The environment every fault test starts from: a simulated model, an admin token. */
  static Map<String, String> baseEnv(String databaseUrl) {
    Map<String, String> env = new HashMap<>();
    env.put("HOST", "127.0.0.1");
    env.put("ADMIN_TOKEN", ADMIN_TOKEN);
    env.put("DATABASE_URL", databaseUrl);
    env.put("DEMO_APP", "false");
    env.put("SSE_PING_INTERVAL_MS", "1000");
    env.put("SIMULATED_TTFT_MS", "100");
    env.put(
        "ANSWER_SPOOL_DIR",
        Path.of("target", "faults", "spool-" + UUID.randomUUID()).toAbsolutePath().toString());
    return env;
  }

  /** Starts the service and waits until {@code /health/ready} answers 200. */
  static ServiceProcess start(String name, Map<String, String> env) throws Exception {
    return start(name, env, "384m", false);
  }

  /** As {@link #start(String, Map)}, waiting up to {@code readyWithin} for readiness. */
  static ServiceProcess start(String name, Map<String, String> env, Duration readyWithin)
      throws Exception {
    return start(name, env, "384m", false, readyWithin);
  }

  /** As {@link #start(String, Map)}, with {@code maxHeap} as the child's {@code -Xmx}. */
  static ServiceProcess start(String name, Map<String, String> env, String maxHeap)
      throws Exception {
    return start(name, env, maxHeap, false);
  }

  /**
   * As {@link #start(String, Map, String)}; with {@code productionLogging} the child logs as the
   * shipped service does ({@code logback.xml}), not as the tests do.
   */
  static ServiceProcess start(
      String name, Map<String, String> env, String maxHeap, boolean productionLogging)
      throws Exception {
    return start(name, env, maxHeap, productionLogging, Duration.ofSeconds(90));
  }

  private static ServiceProcess start(
      String name,
      Map<String, String> env,
      String maxHeap,
      boolean productionLogging,
      Duration readyWithin)
      throws Exception {
    Path log =
        Path.of("target", "faults", name + "-" + UUID.randomUUID() + ".log").toAbsolutePath();
    Process process = launch(log, env, maxHeap, productionLogging);
    try {
      long deadline = System.nanoTime() + readyWithin.toNanos();
      ServiceProcess service = new ServiceProcess(process, log, awaitPort(process, log, deadline));
      service.awaitReady(deadline);
      return service;
    } catch (Exception | AssertionError e) {
      process.destroyForcibly(); // a child that never became ready must not outlive the test
      process.waitFor(10, TimeUnit.SECONDS);
      throw e;
    }
  }

  /**
   * Starts the service expecting it to fail: its exit code and output. With {@code
   * productionLogging} it logs as shipped, else as the tests do (INFO for every library).
   */
  static Exit runToExit(String name, Map<String, String> env, boolean productionLogging)
      throws Exception {
    Path log = Path.of("target", "faults", name + ".log").toAbsolutePath();
    Process process = launch(log, env, "384m", productionLogging);
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the service did not exit:\n" + Files.readString(log));
    }
    return new Exit(process.exitValue(), Files.readString(log));
  }

  /** How a run that ended by itself ended. */
  record Exit(int code, String output) {}

  private static Process launch(
      Path log, Map<String, String> env, String maxHeap, boolean productionLogging)
      throws IOException {
    Files.createDirectories(log.getParent());
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + maxHeap);
    if (productionLogging) {
      command.add(
          "-Dlogback.configurationFile="
              + Path.of("target", "classes", "logback.xml").toAbsolutePath());
    }
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("dev.shortlease.bootstrap.Main");
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    builder.environment().keySet().removeIf(k -> !k.equals("PATH") && !k.equals("HOME"));
    builder.environment().putAll(env);
    // Port 0, read back from the banner: a port found free and closed again could be taken.
    builder.environment().put("PORT", "0");
    return builder.start();
  }

  /** The port the start banner names ("shortlease is running at http://host:port"). */
  private static int awaitPort(Process process, Path log, long deadlineNanos) throws Exception {
    while (System.nanoTime() - deadlineNanos < 0) {
      Matcher running = RUNNING_AT.matcher(Files.readString(log));
      if (running.find()) {
        return Integer.parseInt(running.group(1));
      }
      if (!process.isAlive()) {
        throw new AssertionError(
            "the service exited (" + process.exitValue() + "):\n" + Files.readString(log));
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the service did not start in time:\n" + Files.readString(log));
  }

  String baseUrl() {
    return "http://127.0.0.1:" + port;
  }

  private void awaitReady(long deadlineNanos) throws Exception {
    while (System.nanoTime() - deadlineNanos < 0) {
      if (!process.isAlive()) {
        throw new AssertionError("the service exited (" + process.exitValue() + "):\n" + output());
      }
      try {
        if (get("/health/ready").statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(100);
    }
    throw new AssertionError("the service was not ready in time:\n" + output());
  }

  HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> getWithToken(String path, String token)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .timeout(Duration.ofSeconds(5))
            .header("Authorization", "Bearer " + token)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> post(String path, String token, String json)
      throws IOException, InterruptedException {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(baseUrl() + path))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Creates a chat app; returns its key. */
  String createApp() throws Exception {
    HttpResponse<String> created =
        post("/admin/apps", ADMIN_TOKEN, "{\"name\": \"faults\", \"mode\": \"chat\"}");
    if (created.statusCode() != 201) {
      throw new AssertionError("creating an app: " + created.statusCode() + " " + created.body());
    }
    JsonNode body = JSON.readTree(created.body());
    return body.get("api_key").asText();
  }

  /** SIGTERM, as {@code docker stop} and Kubernetes send first. */
  void terminate() {
    process.destroy();
  }

  /** SIGKILL. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
  }

  boolean waitForExit(Duration timeout) throws InterruptedException {
    return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  boolean isAlive() {
    return process.isAlive();
  }

  String output() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
