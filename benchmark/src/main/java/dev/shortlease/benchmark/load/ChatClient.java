package dev.shortlease.benchmark.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortlease.benchmark.load.ChatOutcome.Kind;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * Load generator: streaming chats over real HTTP ({@code POST /v1/chat-messages} with {@code
 * response_mode=streaming}), each SSE stream read line by line until {@code message_end} or {@code
 * error}. One {@link Session} (one keep-alive connection) per simulated client.
 */
public final class ChatClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI baseUrl;
  private final String authorization;
  private final int timeoutMillis;

  public ChatClient(URI baseUrl, String apiKey, Duration timeout) {
    this.baseUrl = baseUrl;
    this.authorization = "Bearer " + apiKey;
    this.timeoutMillis = Math.toIntExact(timeout.toMillis());
  }

  public Session session() {
    return new Session(new Http1Connection(baseUrl, timeoutMillis));
  }

  /** One client's connection; not thread-safe, one chat at a time. */
  public final class Session implements AutoCloseable {

    private final Http1Connection connection;

    private Session(Http1Connection connection) {
      this.connection = connection;
    }

    /**
     * Sends one chat as {@code user} in a new conversation. Auto-naming is off: it is a second,
     * asynchronous model call per conversation that the measured path does not include.
     */
    public ChatOutcome chat(String user, String query) {
      long start = System.nanoTime();
      try {
        byte[] body =
            JSON.writeValueAsBytes(
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
        int status = connection.post("/v1/chat-messages", authorization, body);
        ChatOutcome outcome =
            status == 200
                ? readStream(start)
                : new ChatOutcome(
                    status == 503 ? Kind.POOL_TIMEOUT : Kind.FAILED,
                    start,
                    0,
                    System.nanoTime(),
                    "http " + status + errorMessage());
        connection.finishBody();
        return outcome;
      } catch (IOException | RuntimeException e) {
        connection.close(); // a fresh connection for the next chat
        return new ChatOutcome(Kind.BROKEN, start, 0, System.nanoTime(), e.toString());
      }
    }

    /**
     * The {@code message} of an error response's JSON body, so the report tells a full admission
     * line from a pool timeout (both are 503); empty if the body has none.
     */
    private String errorMessage() throws IOException {
      StringBuilder text = new StringBuilder();
      for (String line = connection.readLine();
          line != null && text.length() < 4096;
          line = connection.readLine()) {
        text.append(line);
      }
      try {
        String message = JSON.readTree(text.toString()).path("message").asText("");
        return message.isEmpty() ? "" : ": " + message;
      } catch (IOException notJson) {
        return "";
      }
    }

    private ChatOutcome readStream(long start) throws IOException {
      long firstToken = 0;
      for (String line = connection.readLine(); line != null; line = connection.readLine()) {
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
      return new ChatOutcome(
          Kind.BROKEN, start, firstToken, System.nanoTime(), "no terminal event");
    }

    @Override
    public void close() {
      connection.close();
    }
  }
}
