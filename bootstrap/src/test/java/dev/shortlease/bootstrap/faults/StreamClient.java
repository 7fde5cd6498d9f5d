package dev.shortlease.bootstrap.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * One streaming chat as a client sees it, read on a virtual thread: the text it received, pings,
 * and the terminal event ({@code message_end} or {@code error}), or how the stream broke.
 */
final class StreamClient {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(30))
          .build();

  final StringBuilder text = new StringBuilder();
  volatile String messageId;
  volatile String taskId;
  volatile int status;
  volatile String errorBody;
  volatile JsonNode terminal;
  volatile String broken;
  volatile int pings;
  volatile int pingsAfterFirstText;
  final long startedNanos = System.nanoTime();
  volatile long firstEventNanos;
  volatile long endedNanos;
  private final CountDownLatch started = new CountDownLatch(1);
  private final CountDownLatch done = new CountDownLatch(1);

  /** Starts the chat; returns at once (the stream is read in the background). */
  static StreamClient start(String baseUrl, String key, String user, String query) {
    StreamClient client = new StreamClient();
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(baseUrl + "/v1/chat-messages"))
            .header("Authorization", "Bearer " + key)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"query\": \""
                        + query
                        + "\", \"user\": \""
                        + user
                        + "\", \"response_mode\": \"streaming\", \"inputs\": {}}"))
            .build();
    Thread.ofVirtual().start(() -> client.read(request));
    return client;
  }

  private void read(HttpRequest request) {
    try {
      HttpResponse<InputStream> response =
          HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
      status = response.statusCode();
      if (status != 200) {
        errorBody = new String(response.body().readAllBytes(), StandardCharsets.UTF_8);
        return;
      }
      try (BufferedReader lines =
          new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
        String line;
        while ((line = lines.readLine()) != null) {
          if (line.equals("event: ping")) {
            pings++;
            if (!text.isEmpty()) {
              pingsAfterFirstText++;
            }
          } else if (line.startsWith("data: ")) {
            JsonNode event = JSON.readTree(line.substring(6));
            if (firstEventNanos == 0) {
              firstEventNanos = System.nanoTime();
            }
            messageId = event.path("message_id").asText(messageId);
            taskId = event.path("task_id").asText(taskId);
            started.countDown();
            switch (event.path("event").asText()) {
              case "message" -> {
                synchronized (text) {
                  text.append(event.path("answer").asText());
                }
              }
              case "message_end", "error" -> {
                terminal = event;
                return;
              }
              default -> {}
            }
          }
        }
        broken = "the stream ended without a terminal event";
      }
    } catch (Exception e) {
      broken = e.toString();
    } finally {
      endedNanos = System.nanoTime();
      started.countDown();
      done.countDown();
    }
  }

  boolean awaitFirstEvent(Duration timeout) throws InterruptedException {
    return started.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  boolean awaitEnd(Duration timeout) throws InterruptedException {
    return done.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  String text() {
    synchronized (text) {
      return text.toString();
    }
  }

  String terminalEvent() {
    return terminal == null ? null : terminal.path("event").asText();
  }

  /** The error event's code, or null. */
  String errorCode() {
    return terminal == null || !terminal.path("event").asText().equals("error")
        ? null
        : terminal.path("code").asText();
  }

  CompletableFuture<Void> whenDone() {
    return CompletableFuture.runAsync(
        () -> {
          try {
            done.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
        });
  }

  @Override
  public String toString() {
    return "StreamClient[status="
        + status
        + ", message="
        + messageId
        + ", text="
        + text().length()
        + " chars, terminal="
        + terminal
        + ", firstEventAfterMs="
        + (firstEventNanos == 0 ? -1 : (firstEventNanos - startedNanos) / 1_000_000)
        + ", endedAfterMs="
        + (endedNanos == 0 ? -1 : (endedNanos - startedNanos) / 1_000_000)
        + ", broken="
        + broken
        + ", error="
        + errorBody
        + "]";
  }
}
