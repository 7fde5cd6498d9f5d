package dev.shortlease.benchmark.service;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark harness: the service under test as a separate JVM (its own heap limit, its own CPU and
 * RSS to measure), started on a free port and stopped gracefully.
 */
public final class ServiceProcess implements AutoCloseable {

  // Generous: on a busy 2-core machine the Spring Boot peer once needed more than 90 s to start.
  private static final Duration START_TIMEOUT = Duration.ofSeconds(240);

  private final Process process;
  private final URI baseUrl;

  private ServiceProcess(Process process, URI baseUrl) {
    this.process = process;
    this.baseUrl = baseUrl;
  }

  /**
   * Starts {@code launch}'s main with {@code env} (plus the launch's own) and waits until its ready
   * path answers; {@code benchmarkClasspath} is the benchmark module's runtime classpath.
   */
  public static ServiceProcess start(
      ServiceLaunch launch,
      Map<String, String> env,
      String benchmarkClasspath,
      String heap,
      List<String> jvmOptions,
      Path log)
      throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Fixed compiler threads: a dynamic one that exits takes its CPU out of the JIT sum the
    // report subtracts (ProcStats.jitCpuSeconds).
    command.addAll(
        List.of(
            "-Xmx" + heap,
            "-XX:+ExitOnOutOfMemoryError",
            "-XX:-UseDynamicNumberOfCompilerThreads"));
    command.addAll(jvmOptions);
    command.addAll(List.of("-cp", launch.classpath().apply(benchmarkClasspath)));
    command.add(launch.mainClass());
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(env);
    builder.environment().putAll(launch.env());
    builder.environment().put("PORT", Integer.toString(port));
    ServiceProcess service =
        new ServiceProcess(builder.start(), URI.create("http://127.0.0.1:" + port));
    try {
      service.awaitReady(launch.readyPath(), log);
    } catch (IOException | RuntimeException | InterruptedException e) {
      service.close();
      throw e;
    }
    return service;
  }

  public URI baseUrl() {
    return baseUrl;
  }

  public long pid() {
    return process.pid();
  }

  /** The exit code if the service is no longer running (it died: a point stops it only later). */
  public OptionalInt exitCode() {
    return process.isAlive() ? OptionalInt.empty() : OptionalInt.of(process.exitValue());
  }

  private void awaitReady(String readyPath, Path log) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(baseUrl.resolve(readyPath)).timeout(Duration.ofSeconds(5)).build();
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("service exited with " + process.exitValue() + "; see " + log);
      }
      try {
        if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IOException("service not ready after " + START_TIMEOUT + "; see " + log);
  }

  /** SIGTERM (graceful shutdown), then a forced kill if it does not exit in time. */
  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
