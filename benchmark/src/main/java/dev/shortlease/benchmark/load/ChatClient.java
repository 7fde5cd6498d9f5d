package dev.shortlease.benchmark.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortlease.benchmark.load.ChatOutcome.Kind;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Load generator: one streaming chat over real HTTP ({@code POST /v1/chat-messages} with {@code
 * response_mode=streaming}), its SSE stream read line by line until {@code message_end} or {@code
 * error}.
 */
public final class ChatClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http;
  private final URI endpoint;
  private final String apiKey;
  private final Duration timeout;

  public ChatClient(HttpClient http, URI baseUrl, String apiKey, Duration timeout) {
    this.http = http;
    this.endpoint = baseUrl.resolve("/v1/chat-messages");
    this.apiKey = apiKey;
    this.timeout = timeout;
  }

  /**
   * Sends one chat as {@code user} in a new conversation. Auto-naming is off: it is a second,
   * asynchronous model call per conversation that the measured path does not include.
   */
  public ChatOutcome chat(String user, String query) throws InterruptedException {
    long start = System.nanoTime();
    try {
      String body =
          JSON.writeValueAsString(
              Map.of(
                  "inputs",
                  Map.of(),
                  "query",
                  query,
                  "response_mode",
                  "streaming",
                  "user",
                  user,
                  "auto_generate_name",
                  false));
      HttpRequest request =
          HttpRequest.newBuilder(endpoint)
              .timeout(timeout)
              .header("Authorization", "Bearer " + apiKey)
              .header("Content-Type", "application/json")
              .POST(HttpRequest.BodyPublishers.ofString(body))
              .build();
      HttpResponse<Stream<String>> response =
          http.send(request, HttpResponse.BodyHandlers.ofLines());
      try (Stream<String> lines = response.body()) {
        if (response.statusCode() != 200) {
          Kind kind = response.statusCode() == 503 ? Kind.POOL_TIMEOUT : Kind.FAILED;
          return new ChatOutcome(
              kind, start, 0, System.nanoTime(), "http " + response.statusCode());
        }
        return readStream(lines.iterator(), start);
      }
    } catch (IOException e) {
      return new ChatOutcome(Kind.BROKEN, start, 0, System.nanoTime(), e.toString());
    }
  }

  private static ChatOutcome readStream(Iterator<String> lines, long start) throws IOException {
    long firstToken = 0;
    while (lines.hasNext()) {
      String line = lines.next();
      if (!line.startsWith("data:")) {
        continue; // blank separators, "event: ping"
      }
      JsonNode event = JSON.readTree(line.substring(5).trim());
      switch (event.path("event").asText()) {
        case "message", "agent_message" -> {
          if (firstToken == 0) {
            firstToken = System.nanoTime();
          }
        }
        case "message_end" -> {
          return new ChatOutcome(Kind.COMPLETED, start, firstToken, System.nanoTime(), "");
        }
        case "error" -> {
          Kind kind = event.path("status").asInt() == 503 ? Kind.POOL_TIMEOUT : Kind.FAILED;
          String detail = "event error " + event.path("code").asText();
          return new ChatOutcome(kind, start, firstToken, System.nanoTime(), detail);
        }
        default -> {
          // message_replace, agent_thought, ...: not needed for the measurement
        }
      }
    }
    return new ChatOutcome(Kind.BROKEN, start, firstToken, System.nanoTime(), "no terminal event");
  }
}
