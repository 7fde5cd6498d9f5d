package dev.shortlease.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, driven over the Chrome DevTools Protocol with the JDK's own
 * WebSocket client: no Selenium, no driver download, nothing fetched from the network. Started with
 * the flags the machine notes require and a fresh profile, which {@link #close()} deletes.
 */
final class HeadlessChromium implements AutoCloseable {
  static final Path BINARY = Path.of("/usr/bin/chromium");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final Path profile;
  private final WebSocket socket;
  private final AtomicInteger ids = new AtomicInteger();
  private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();

  private HeadlessChromium(Process process, Path profile, WebSocket socket) {
    this.process = process;
    this.profile = profile;
    this.socket = socket;
  }

  /** Starts Chromium; skips the test (fails under CI) when it is not installed. */
  static HeadlessChromium start() throws IOException, InterruptedException {
    Path binary = RequiredProgram.require(BINARY, "chromium");
    Path profile = Files.createTempDirectory("dash-chromium-");
    Process process =
        new ProcessBuilder(
                binary.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--remote-debugging-address=127.0.0.1",
                "--remote-debugging-port=0",
                "--window-size=1280,1500",
                "about:blank")
            .redirectErrorStream(true)
            .redirectOutput(profile.resolve("chromium.log").toFile())
            .start();
    try {
      Path portFile = profile.resolve("DevToolsActivePort");
      long deadline = System.nanoTime() + TIMEOUT.toNanos();
      while (!Files.exists(portFile) || Files.readAllLines(portFile).size() < 2) {
        if (System.nanoTime() > deadline || !process.isAlive()) {
          throw new AssertionError(
              "chromium did not open its DevTools port: "
                  + Files.readString(profile.resolve("chromium.log")));
        }
        Thread.sleep(50);
      }
      int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
      HttpClient http = HttpClient.newHttpClient();
      JsonNode targets =
          JSON.readTree(
              http.send(
                      HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list"))
                          .build(),
                      HttpResponse.BodyHandlers.ofString())
                  .body());
      String pageSocket = null;
      for (JsonNode target : targets) {
        if ("page".equals(target.path("type").asText())) {
          pageSocket = target.get("webSocketDebuggerUrl").asText();
        }
      }
      if (pageSocket == null) {
        throw new AssertionError("no page target: " + targets);
      }
      Listener listener = new Listener();
      WebSocket socket =
          http.newWebSocketBuilder()
              .buildAsync(URI.create(pageSocket), listener)
              .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
      HeadlessChromium chromium = new HeadlessChromium(process, profile, socket);
      listener.owner = chromium;
      return chromium;
    } catch (Exception e) {
      process.destroyForcibly().waitFor();
      deleteTree(profile);
      throw e instanceof IOException io ? io : new IOException(e);
    }
  }

  /** Sends one DevTools command and waits for its result. */
  JsonNode send(String method, Map<String, ?> params) throws Exception {
    int id = ids.incrementAndGet();
    ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
    message.set("params", JSON.valueToTree(params));
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    pending.put(id, answer);
    socket.sendText(JSON.writeValueAsString(message), true).get();
    JsonNode reply = answer.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
    if (reply.has("error")) {
      throw new AssertionError(method + " failed: " + reply.get("error"));
    }
    return reply.path("result");
  }

  void navigate(String url) throws Exception {
    send("Page.enable", Map.of());
    send("Page.navigate", Map.of("url", url));
    waitFor(
        "document.readyState === 'complete' && location.href === " + JSON.writeValueAsString(url));
  }

  /** The value of a JavaScript expression (awaited when it is a promise). */
  JsonNode eval(String expression) throws Exception {
    JsonNode result =
        send(
            "Runtime.evaluate",
            Map.of("expression", expression, "returnByValue", true, "awaitPromise", true));
    if (result.has("exceptionDetails")) {
      throw new AssertionError(expression + " threw " + result.get("exceptionDetails"));
    }
    return result.path("result").path("value");
  }

  /** Waits until {@code condition} (JavaScript) is true. */
  void waitFor(String condition) throws Exception {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (!eval("Boolean(" + condition + ")").asBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + condition);
      }
      Thread.sleep(100);
    }
  }

  /** Types {@code text} into the focused element, as a keyboard would. */
  void type(String text) throws Exception {
    send("Input.insertText", Map.of("text", text));
  }

  void pressEnter() throws Exception {
    for (String type : List.of("keyDown", "keyUp")) {
      send(
          "Input.dispatchKeyEvent",
          Map.of(
              "type",
              type,
              "key",
              "Enter",
              "code",
              "Enter",
              "windowsVirtualKeyCode",
              13,
              "text",
              "\r"));
    }
  }

  /** A PNG of the whole page. */
  byte[] screenshot() throws Exception {
    JsonNode shot =
        send("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true));
    return Base64.getDecoder().decode(shot.get("data").asText());
  }

  @Override
  public void close() throws Exception {
    try {
      socket.abort();
    } finally {
      // Chromium's helpers (renderer, GPU, crash handler) outlive the browser process for a moment
      // and keep writing to the profile: stop them all before the profile is removed.
      List<ProcessHandle> helpers = process.descendants().toList();
      process.destroy();
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
      for (ProcessHandle helper : helpers) {
        helper.destroyForcibly();
        helper.onExit().get(5, TimeUnit.SECONDS);
      }
      deleteTree(profile);
    }
  }

  /** Removes the profile; a file a late helper wrote meanwhile makes it try again. */
  private static void deleteTree(Path dir) throws IOException, InterruptedException {
    for (int attempt = 1; ; attempt++) {
      try (Stream<Path> paths = Files.walk(dir)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.deleteIfExists(path);
        }
        return;
      } catch (DirectoryNotEmptyException | NoSuchFileException | UncheckedIOException e) {
        if (attempt == 10) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }

  /** Collects each message's text frames and completes the command it answers. */
  private static final class Listener implements WebSocket.Listener {
    private final StringBuilder text = new StringBuilder();
    volatile HeadlessChromium owner;

    @Override
    public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
      text.append(data);
      if (last) {
        try {
          JsonNode message = JSON.readTree(text.toString());
          CompletableFuture<JsonNode> answer =
              message.has("id") ? owner.pending.remove(message.get("id").asInt()) : null;
          if (answer != null) {
            answer.complete(message);
          }
        } catch (IOException e) {
          // not JSON: DevTools never sends that; ignore rather than kill the listener
        }
        text.setLength(0);
      }
      socket.request(1);
      return null;
    }
  }
}
