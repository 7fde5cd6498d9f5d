package dev.shortlease.adapter.llm.wire;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Test support: a local HTTP server that plays scripted model responses (OpenAI SSE or Ollama
 * NDJSON, one {@link Reply} per request, streamed chunk by chunk) and records every request it got
 * and every client that hung up while it was still streaming. Never the internet.
 */
public final class FakeLlmServer implements AutoCloseable {

  /** How a streamed reply ends. */
  public enum Ending {
    /** The body ends normally. */
    COMPLETE,
    /** The connection is dropped without ending the body. */
    CUT,
    /** Nothing more is sent until the server closes. */
    HANG
  }

  /** One scripted response: status, content type, body chunks with a delay before each. */
  public record Reply(
      int status, String contentType, List<String> chunks, Duration delay, Ending ending) {
    public Reply {
      chunks = List.copyOf(chunks);
    }

    public static Reply error(int status, String jsonBody) {
      return new Reply(
          status, "application/json", List.of(jsonBody), Duration.ZERO, Ending.COMPLETE);
    }

    public Reply withDelay(Duration between) {
      return new Reply(status, contentType, chunks, between, ending);
    }

    public Reply endingWith(Ending how) {
      return new Reply(status, contentType, chunks, delay, how);
    }
  }

  /** What the server received. */
  public record Recorded(
      String method, String path, Map<String, List<String>> headers, String body) {
    public String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0))
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final BlockingQueue<Reply> replies = new LinkedBlockingQueue<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch closing = new CountDownLatch(1);
  private final CountDownLatch clientHungUp = new CountDownLatch(1);

  public FakeLlmServer() {
    try {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new IllegalStateException("cannot open a local port", e);
    }
    server.createContext("/", this::handle);
    server.setExecutor(executor);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public FakeLlmServer enqueue(Reply reply) {
    replies.add(reply);
    return this;
  }

  public List<Recorded> requests() {
    return List.copyOf(requests);
  }

  /** Waits until a client hung up in the middle of a streamed reply (a write failed). */
  public boolean awaitClientHangUp(Duration timeout) throws InterruptedException {
    return clientHungUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(
        new Recorded(
            exchange.getRequestMethod(),
            exchange.getRequestURI().getPath(),
            Map.copyOf(exchange.getRequestHeaders()),
            body));
    Reply reply = replies.poll();
    if (reply == null) {
      reply = Reply.error(500, "{\"error\":{\"message\":\"no scripted reply left\"}}");
    }
    exchange.getResponseHeaders().set("Content-Type", reply.contentType());
    if (reply.status() != 200) {
      byte[] bytes = String.join("", reply.chunks()).getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(reply.status(), bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
      return;
    }
    stream(exchange, reply);
  }

  private void stream(HttpExchange exchange, Reply reply) throws IOException {
    exchange.sendResponseHeaders(200, 0);
    OutputStream out = exchange.getResponseBody();
    try {
      for (String chunk : reply.chunks()) {
        if (pause(reply.delay())) {
          break;
        }
        out.write(chunk.getBytes(StandardCharsets.UTF_8));
        out.flush();
      }
    } catch (IOException e) {
      clientHungUp.countDown();
      exchange.close();
      return;
    }
    switch (reply.ending()) {
      case COMPLETE -> out.close();
      case CUT -> {
        // Let the client read what was sent (a reset discards unread bytes), then drop the
        // connection mid-body: an exception out of the handler makes the JDK server do that.
        pause(Duration.ofMillis(150));
        throw new IOException("scripted cut of the connection");
      }
      case HANG -> {
        pause(Duration.ofSeconds(30));
        exchange.close();
      }
    }
  }

  /** Sleeps, returning true early when the server is closing. */
  private boolean pause(Duration delay) {
    if (delay.isZero()) {
      return closing.getCount() == 0;
    }
    try {
      return closing.await(delay.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return true;
    }
  }

  @Override
  public void close() {
    closing.countDown();
    server.stop(0);
    executor.shutdownNow();
  }
}
