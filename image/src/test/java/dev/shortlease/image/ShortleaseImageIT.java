package dev.shortlease.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortlease.bootstrap.Settings;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarInputStream;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The image the build wrote (target/shortlease-image.tar), read as a container runtime reads it:
 * its config (entrypoint, user, ports), its files (the service's jars, the Java runtime, glibc,
 * owners), and finally its own filesystem run the way a runtime runs it — unpacked, a new PID and
 * mount namespace, the image's root, working directory, user and environment, its entrypoint as PID
 * 1 — answering health, metrics and a chat, and stopping on SIGTERM.
 */
class ShortleaseImageIT {
  private static final String MAIN = "dev.shortlease.bootstrap.Main";
  private static final int USER = Integer.getInteger("image.user", 10001);
  private static final int PORT = Integer.getInteger("image.port", 8080);
  private static final int MANAGEMENT_PORT = Integer.getInteger("image.managementPort", 9090);
  private static final Pattern DEMO_KEY = Pattern.compile("its key \\(shown once\\): (app-\\S+)");

  private static ImageArchive image;

  @BeforeAll
  static void read() throws IOException {
    image = ImageArchive.read(BuiltImage.tar());
  }

  @Test
  @DisplayName("the entrypoint runs the service's main class on the image's own Java, as 10001")
  void configRunsTheServiceAsItsUser() {
    JsonNode config = image.runConfig();
    List<String> entrypoint = image.entrypoint();

    assertThat(config.path("User").asText()).isEqualTo(USER + ":" + USER);
    assertThat(config.path("WorkingDir").asText()).isEqualTo("/app");
    // Exec form, no shell: java itself is PID 1 and gets the runtime's SIGTERM.
    assertThat(entrypoint.getFirst()).isEqualTo("/opt/java/bin/java");
    assertThat(entrypoint.getLast()).isEqualTo(MAIN);
    assertThat(entrypoint)
        .contains("-XX:+ExitOnOutOfMemoryError", "-cp", "@/app/jib-classpath-file")
        .anyMatch(arg -> arg.startsWith("-XX:MaxRAMPercentage="));
    assertThat(config.path("Cmd").isMissingNode() || config.path("Cmd").isNull()).isTrue();
  }

  @Test
  @DisplayName("it exposes the service port and the management port it sets")
  void exposesThePortsItListensOn() {
    Set<String> exposed = new TreeSet<>();
    image.runConfig().path("ExposedPorts").fieldNames().forEachRemaining(exposed::add);

    assertThat(exposed).containsExactlyInAnyOrder(PORT + "/tcp", MANAGEMENT_PORT + "/tcp");
    assertThat(image.environment())
        .containsEntry("PORT", String.valueOf(PORT))
        .containsEntry("MANAGEMENT_PORT", String.valueOf(MANAGEMENT_PORT));
  }

  @Test
  @DisplayName("the service jar and every jar on the class path are inside")
  void holdsTheServiceJar() throws IOException {
    List<String> classpath =
        List.of(
            new String(image.content("app/jib-classpath-file"), StandardCharsets.UTF_8)
                .strip()
                .split(":"));
    String serviceJar =
        classpath.stream()
            .filter(p -> p.matches("/app/libs/bootstrap-.*\\.jar"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no bootstrap jar on " + classpath));

    for (String entry : classpath) {
      if (entry.endsWith("/*")) {
        String dir = entry.substring(1, entry.length() - 2);
        assertThat(image.files()).as(entry).containsKey(dir);
      } else {
        assertThat(image.files()).as(entry).containsKey(entry.substring(1));
      }
    }
    assertThat(entriesOf(image.content(serviceJar.substring(1))))
        .contains(MAIN.replace('.', '/') + ".class");
    assertThat(classpath)
        .anyMatch(p -> p.contains("/postgresql-"))
        .anyMatch(p -> p.contains("/javalin-"));
  }

  @Test
  @DisplayName("a Java 21+ runtime and the glibc it is linked against are inside")
  void holdsAJavaRuntimeAndGlibc() throws IOException {
    Map<String, ImageArchive.File> files = image.files();
    String release = new String(image.content("opt/java/release"), StandardCharsets.UTF_8);
    Matcher version = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(release);

    assertThat(version.find()).as(release).isTrue();
    assertThat(Integer.parseInt(version.group(1))).isGreaterThanOrEqualTo(21);
    assertThat(release).contains("java.base", "java.sql", "java.net.http", "jdk.unsupported");
    assertThat(files.get("opt/java/bin/java").executable()).isTrue();
    assertThat(files.get("lib64/ld-linux-x86-64.so.2").linkTarget())
        .isEqualTo("/lib/x86_64-linux-gnu/ld-linux-x86-64.so.2");
    assertThat(files.get("lib/x86_64-linux-gnu/ld-linux-x86-64.so.2").executable()).isTrue();
    assertThat(files)
        .containsKeys(
            "lib/x86_64-linux-gnu/libc.so.6",
            "lib/x86_64-linux-gnu/libm.so.6",
            "lib/x86_64-linux-gnu/libdl.so.2",
            "lib/x86_64-linux-gnu/libpthread.so.0",
            "lib/x86_64-linux-gnu/librt.so.1",
            "usr/share/doc/libc6/copyright");
  }

  @Test
  @DisplayName("root owns everything but /app/data; no shell, no setuid files; /tmp is sticky")
  void ownersAndModes() throws IOException {
    Map<String, ImageArchive.File> files = image.files();
    String passwd = new String(image.content("etc/passwd"), StandardCharsets.UTF_8);

    assertThat(passwd).contains("shortlease:x:" + USER + ":" + USER + ":");
    assertThat(files.get("app/data"))
        .satisfies(
            data -> {
              assertThat(data.directory()).isTrue();
              assertThat(data.uid()).isEqualTo(USER);
              assertThat(data.gid()).isEqualTo(USER);
            });
    assertThat(files.values())
        .filteredOn(f -> !f.path().equals("app/data"))
        .allSatisfy(f -> assertThat(f.uid()).as(f.path()).isZero());
    assertThat(files.values()).noneMatch(f -> (f.mode() & 06000) != 0);
    assertThat(files.get("tmp").mode()).isEqualTo(01777);
    assertThat(files).doesNotContainKeys("bin/sh", "usr/bin/sh", "bin/bash", "usr/bin/apt");
  }

  @Test
  @DisplayName(
      "its own filesystem, user and entrypoint serve health, metrics and a chat, and stop on"
          + " SIGTERM within the shutdown grace")
  void runsFromItsOwnFilesystem() throws Exception {
    BuiltImage.requireRootAndUnshare();
    Path work = Path.of("target", "image-it").toAbsolutePath();
    deleteTree(work);
    Path root = work.resolve("rootfs");
    image.unpack(root);
    Files.createDirectories(root.resolve("proc")); // a runtime mounts /proc; so does unshare
    int port = freePort();
    int managementPort = freePort();
    Path log = work.resolve("service.log");

    List<String> command = new ArrayList<>();
    command.addAll(
        List.of(
            "/usr/bin/unshare",
            "--pid",
            "--fork",
            "--kill-child",
            "--mount-proc=/proc",
            "--root=" + root,
            "--wd=" + image.runConfig().path("WorkingDir").asText(),
            "--setgid=" + USER,
            "--setuid=" + USER));
    command.addAll(image.entrypoint());
    ProcessBuilder builder =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
    builder.environment().clear();
    builder.environment().putAll(image.environment());
    builder.environment().put("PORT", String.valueOf(port));
    builder.environment().put("MANAGEMENT_PORT", String.valueOf(managementPort));
    Process unshare = builder.start();
    try {
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
      String api = "http://127.0.0.1:" + port;
      String management = "http://127.0.0.1:" + managementPort;
      awaitStatus(http, api + "/health/live", 200, Duration.ofSeconds(180), unshare, log);
      ProcessHandle java =
          unshare
              .toHandle()
              .children()
              .findFirst()
              .orElseThrow(() -> new AssertionError("unshare started no entrypoint"));

      assertThat(effectiveUid(java.pid())).isEqualTo(USER);
      awaitStatus(http, api + "/health/ready", 200, Duration.ofSeconds(30), unshare, log);
      assertThat(get(http, management + "/health/ready").statusCode()).isEqualTo(200);
      HttpResponse<String> metrics = get(http, management + "/metrics");
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("jvm_memory_used_bytes", "hikaricp_connections");
      assertThat(get(http, api + "/metrics").statusCode()).isEqualTo(404);

      Matcher key = DEMO_KEY.matcher(Files.readString(log));
      assertThat(key.find()).as("demo key in the banner").isTrue();
      HttpResponse<String> chat =
          http.send(
              HttpRequest.newBuilder(URI.create(api + "/v1/chat-messages"))
                  .header("Authorization", "Bearer " + key.group(1))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"query\": \"Hello!\", \"user\": \"image-it\","
                              + " \"response_mode\": \"blocking\", \"inputs\": {}}"))
                  .timeout(Duration.ofSeconds(60))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
      assertThat(new ObjectMapper().readTree(chat.body()).path("answer").asText()).isNotBlank();
      // The embedded database was written by the image's user, in the one place it may write.
      assertThat(Files.getAttribute(root.resolve("app/data/shortlease.mv.db"), "unix:uid"))
          .isEqualTo(USER);

      // SIGTERM to PID 1, as a runtime's stop: the graceful shutdown, within its grace.
      long stopAt = System.nanoTime();
      java.destroy();
      assertThat(unshare.waitFor(30, TimeUnit.SECONDS)).as("exited after SIGTERM").isTrue();
      Duration stopped = Duration.ofNanos(System.nanoTime() - stopAt);
      assertThat(stopped)
          .isLessThan(Duration.ofSeconds(Settings.DEFAULT_SHUTDOWN_GRACE_SECONDS + 2));
      assertThat(Files.readString(log)).contains("shutting down: draining");
      deleteTree(root); // 140 MB; kept (with the log) when the test fails
    } finally {
      unshare.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
      unshare.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }

  private static void awaitStatus(
      HttpClient http, String url, int status, Duration limit, Process process, Path log)
      throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("the image's entrypoint exited:\n" + Files.readString(log));
      }
      try {
        if (get(http, url).statusCode() == status) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(250);
    }
    throw new AssertionError(url + " never answered " + status + ":\n" + Files.readString(log));
  }

  private static HttpResponse<String> get(HttpClient http, String url) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int effectiveUid(long pid) throws IOException {
    return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
        .filter(line -> line.startsWith("Uid:"))
        .map(line -> Integer.parseInt(line.split("\\s+")[2]))
        .findFirst()
        .orElseThrow();
  }

  private static Set<String> entriesOf(byte[] jar) throws IOException {
    Set<String> names = new TreeSet<>();
    try (JarInputStream in = new JarInputStream(new java.io.ByteArrayInputStream(jar))) {
      for (var e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
        names.add(e.getName());
      }
    }
    return names;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).collect(Collectors.toList())) {
        Files.delete(p);
      }
    }
  }
}
