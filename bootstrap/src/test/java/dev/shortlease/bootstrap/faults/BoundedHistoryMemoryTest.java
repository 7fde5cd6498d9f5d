package dev.shortlease.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The service in its own JVM with {@code -Xmx512m} (a child process, so the heap limit is the
 * service's alone, not the test runner's): 100 turns of one conversation, each with the largest
 * inputs the defaults accept (50 keys, 16 KiB, all fields of the app's form, so they are stored and
 * copied onto every message), then 10 parallel {@code GET /v1/messages?limit=100}. Before the caps,
 * inputs were limited only by the 1 MiB body, and the same reads built about 100 MB each. Now every
 * read must answer in full, each response stays under 2.5 MB, and the process must neither die nor
 * log an {@code OutOfMemoryError}.
 */
@DisplayName("Bounded work: largest inputs on 100 turns, 10 parallel history reads, -Xmx512m")
class BoundedHistoryMemoryTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TURNS = 100;
  private static final long MAX_RESPONSE_BYTES = 2_500_000;
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  /** 50 keys whose keys and values take 16,384 bytes: the defaults' largest accepted inputs. */
  private static ObjectNode largestInputs(int bytes) {
    ObjectNode inputs = JSON.createObjectNode();
    int used = 0;
    for (int i = 0; i < 50; i++) {
      String key = "field%02d".formatted(i);
      int share = (bytes - used) / (50 - i) - key.length();
      inputs.put(key, "v".repeat(share));
      used += key.length() + share;
    }
    return inputs;
  }

  private static String turn(ObjectNode inputs, String conversation) {
    ObjectNode body = JSON.createObjectNode();
    body.set("inputs", inputs);
    body.put("query", "tell me more").put("user", "heavy").put("response_mode", "blocking");
    body.put("auto_generate_name", false);
    if (conversation != null) {
      body.put("conversation_id", conversation);
    }
    return body.toString();
  }

  @Test
  void parallelFullHistoryPagesStayBounded() throws Exception {
    Map<String, String> env = ServiceProcess.baseEnv("jdbc:h2:mem:bounded;DB_CLOSE_DELAY=-1");
    env.put("SIMULATED_TTFT_MS", "0");
    env.put("SIMULATED_TOKENS_PER_SECOND", "100000");
    try (ServiceProcess service = ServiceProcess.start("bounded-history", env, "512m")) {
      String key = appWithFiftyFields(service);
      assertThat(
              service
                  .post("/v1/chat-messages", key, turn(largestInputs(16_385), null))
                  .statusCode())
          .as("one byte over the cap is refused")
          .isEqualTo(400);

      String conversation = null;
      for (int i = 0; i < TURNS; i++) {
        HttpResponse<String> reply =
            service.post("/v1/chat-messages", key, turn(largestInputs(16_384), conversation));
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        conversation = JSON.readTree(reply.body()).get("conversation_id").asText();
      }

      String path = "/v1/messages?user=heavy&limit=100&conversation_id=" + conversation;
      long started = System.nanoTime();
      List<HttpResponse<byte[]>> pages = new ArrayList<>();
      try (ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor()) {
        List<Future<HttpResponse<byte[]>>> reads = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
          reads.add(readers.submit(() -> read(service, path, key)));
        }
        for (Future<HttpResponse<byte[]>> read : reads) {
          pages.add(read.get());
        }
      }
      long millis = (System.nanoTime() - started) / 1_000_000;

      long largest = 0;
      for (HttpResponse<byte[]> page : pages) {
        assertThat(page.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(page.body());
        assertThat(body.get("data")).hasSize(100);
        assertThat(body.get("data"))
            .as("every message carries its conversation's inputs, all 50 fields")
            .allSatisfy(message -> assertThat(message.get("inputs")).hasSize(50));
        largest = Math.max(largest, page.body().length);
      }
      assertThat(largest)
          .as("100 messages of 16 KiB inputs each: the page really holds them")
          .isGreaterThan(100L * 16_000)
          .isLessThan(MAX_RESPONSE_BYTES);
      assertThat(service.isAlive()).isTrue();
      assertThat(service.get("/health/ready").statusCode()).isEqualTo(200);
      assertThat(service.output()).doesNotContain("OutOfMemoryError");
      System.out.printf(
          "BOUNDED 10 parallel limit=100 history reads under -Xmx512m: largest response %d bytes,"
              + " all ten in %d ms%n",
          largest, millis);
    }
  }

  /**
   * A chat app whose form declares the 50 fields: inputs not in an app's form are dropped (as in
   * Dify), so only a form this wide stores — and copies onto every message — the largest inputs.
   */
  private static String appWithFiftyFields(ServiceProcess service) throws Exception {
    ObjectNode app = JSON.createObjectNode().put("name", "heavy").put("mode", "chat");
    ArrayNode form = app.putArray("user_input_form");
    for (int i = 0; i < 50; i++) {
      form.addObject()
          .putObject("paragraph")
          .put("label", "Field " + i)
          .put("variable", "field%02d".formatted(i))
          .put("required", false)
          .put("default", "");
    }
    HttpResponse<String> created =
        service.post("/admin/apps", ServiceProcess.ADMIN_TOKEN, app.toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return JSON.readTree(created.body()).get("api_key").asText();
  }

  private static HttpResponse<byte[]> read(ServiceProcess service, String path, String key)
      throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(service.baseUrl() + path))
            .timeout(Duration.ofSeconds(60))
            .header("Authorization", "Bearer " + key)
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }
}
