package dev.shortlease.benchmark.scaleout;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Scale-out run: {@code deploy/local-cluster.sh} driven from Java — {@code up} with the run's
 * settings, the balancer's address, an instance's process ID (to kill it), {@code down}. Its
 * configs and logs stay in the run's directory.
 */
final class LocalClusterScript implements AutoCloseable {
  private final Path root;
  private final Path dir;
  private final Map<String, String> env;
  private boolean up;

  private LocalClusterScript(Path root, Path dir, Map<String, String> env) {
    this.root = root;
    this.dir = dir;
    this.env = env;
  }

  /** Runs {@code up}; the instances get {@code serviceEnv}. */
  static LocalClusterScript up(Path root, Path dir, int instances, Map<String, String> serviceEnv)
      throws IOException, InterruptedException {
    Map<String, String> env = new HashMap<>(serviceEnv);
    env.put("N", Integer.toString(instances));
    env.put("CLUSTER_DIR", dir.toString());
    LocalClusterScript cluster = new LocalClusterScript(root, dir, env);
    cluster.up = true; // down also cleans up after a start that failed half-way
    cluster.run("up");
    return cluster;
  }

  URI balancer() {
    return URI.create("http://127.0.0.1:" + env.get("CLUSTER_PORT"));
  }

  long pid(int instance) throws IOException {
    return Long.parseLong(Files.readString(dir.resolve("instance-" + instance + "/pid")).strip());
  }

  /** SIGKILL to instance {@code index} (1-based). */
  void kill(int instance) throws IOException {
    ProcessHandle.of(pid(instance)).ifPresent(ProcessHandle::destroyForcibly);
  }

  String status() throws IOException, InterruptedException {
    return run("status");
  }

  @Override
  public void close() throws IOException, InterruptedException {
    if (up) {
      up = false;
      run("down");
    }
  }

  private String run(String command) throws IOException, InterruptedException {
    Path log = Files.createTempFile("local-cluster-", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder("bash", "deploy/local-cluster.sh", command)
              .directory(root.toFile())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      builder.environment().putAll(env);
      Process process = builder.start();
      if (!process.waitFor(600, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
        throw new IOException("local-cluster.sh " + command + " took over 600 s");
      }
      String output = Files.readString(log);
      if (process.exitValue() != 0) {
        throw new IOException("local-cluster.sh " + command + " failed:\n" + output);
      }
      return output;
    } finally {
      Files.deleteIfExists(log);
    }
  }
}
