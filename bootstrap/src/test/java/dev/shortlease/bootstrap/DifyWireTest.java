package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Dify's wire over real HTTP where clients notice it (issue 15): CORS, the error bodies and headers
 * of api/libs/external_api.py and api/controllers/service_api, and the smaller differences.
 */
class DifyWireTest {
  private static final String ORIGIN = "https://chat.example.com";
  private static ShortleaseServer server;
  private static Api api;
  private static Api.AppKey chat;

  @BeforeAll
  static void start() {
    server = TestServers.simulated(Map.of());
    api = new Api(server);
    chat = api.createApp("chat");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  @DisplayName("a browser's preflight is answered with Dify's CORS headers, and the call after it")
  void corsPreflightAndCall() {
    Api.Reply preflight =
        api.request(
            "OPTIONS",
            "/v1/chat-messages",
            Map.of(
                "Origin", ORIGIN,
                "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type, authorization, x-secret"),
            null);

    assertThat(preflight.status()).isEqualTo(200);
    assertThat(header(preflight, "Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
    assertThat(header(preflight, "Access-Control-Allow-Methods"))
        .isEqualTo("DELETE, GET, OPTIONS, PATCH, POST, PUT");
    assertThat(header(preflight, "Access-Control-Allow-Headers"))
        .as("only the headers Dify allows of those asked for")
        .isEqualTo("authorization, content-type");

    Api.Reply answered =
        api.request(
            "POST",
            "/v1/chat-messages",
            Map.of(
                "Origin",
                ORIGIN,
                "Authorization",
                "Bearer " + chat.key(),
                "Content-Type",
                "application/json"),
            Api.chat("cora", "Hi", "streaming", null));
    assertThat(answered.status()).isEqualTo(200);
    assertThat(header(answered, "Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
    assertThat(header(answered, "Access-Control-Expose-Headers")).isEqualTo("X-Request-Id");

    Api.Reply refused =
        api.request("GET", "/v1/info", Map.of("Origin", ORIGIN), null); // no key: an error
    assertThat(refused.status()).isEqualTo(401);
    assertThat(header(refused, "Access-Control-Allow-Origin"))
        .as("a browser can read the error too")
        .isEqualTo(ORIGIN);
    assertThat(header(api.get("/v1/info", chat.key()), "Access-Control-Allow-Origin"))
        .as("without an Origin, flask-cors sends *")
        .isEqualTo("*");
    assertThat(
            api.request("GET", "/admin/apps", Map.of("Origin", ORIGIN), null)
                .raw()
                .headers()
                .firstValue("Access-Control-Allow-Origin"))
        .as("the admin API is not for browsers")
        .isEmpty();
  }

  @Test
  @DisplayName("the index without its slash (a base URL as clients write it) answers browsers too")
  void corsOnTheBareBaseUrl() {
    Api.Reply preflight =
        api.request(
            "OPTIONS",
            "/v1",
            Map.of(
                "Origin", ORIGIN,
                "Access-Control-Request-Method", "GET",
                "Access-Control-Request-Headers", "authorization"),
            null);
    assertThat(preflight.status()).isEqualTo(200);
    assertThat(header(preflight, "Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
    assertThat(header(preflight, "Access-Control-Allow-Headers")).isEqualTo("authorization");

    Api.Reply index = api.request("GET", "/v1", Map.of("Origin", ORIGIN), null);
    assertThat(index.status()).isEqualTo(200);
    assertThat(index.json().get("welcome").asText()).isEqualTo("Dify OpenAPI");
    assertThat(header(index, "Access-Control-Allow-Origin")).isEqualTo(ORIGIN);
  }

  @Test
  @DisplayName("CORS_ALLOW_ORIGINS limits the origins; others get no CORS headers")
  void configuredOrigins() {
    try (ShortleaseServer limited =
        TestServers.simulated(Map.of("CORS_ALLOW_ORIGINS", "https://ok.example.com"))) {
      Api other = new Api(limited);
      Map<String, String> ask = Map.of("Access-Control-Request-Method", "GET");
      Api.Reply allowed =
          other.request(
              "OPTIONS",
              "/v1/info",
              Map.of("Origin", "https://ok.example.com", "Access-Control-Request-Method", "GET"),
              null);
      Api.Reply foreign =
          other.request(
              "OPTIONS",
              "/v1/info",
              Map.of("Origin", "https://evil.example.com", "Access-Control-Request-Method", "GET"),
              null);

      assertThat(header(allowed, "Access-Control-Allow-Origin"))
          .isEqualTo("https://ok.example.com");
      assertThat(foreign.raw().headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
      assertThat(foreign.raw().headers().firstValue("Access-Control-Allow-Methods")).isEmpty();
      assertThat(other.request("OPTIONS", "/v1/info", ask, null).raw().headers().map())
          .doesNotContainKey("access-control-allow-origin");
    }
  }

  @Test
  @DisplayName("401 carries WWW-Authenticate and Dify's texts; 403 says whether app or API is off")
  void authErrors() {
    Api.Reply missing = api.get("/v1/info", null);
    assertError(missing, 401, "unauthorized");
    assertThat(header(missing, "WWW-Authenticate")).isEqualTo("Bearer realm=\"api\"");
    assertThat(missing.json().get("message").asText())
        .isEqualTo("Authorization header must be provided and start with 'Bearer'");
    assertThat(
            api.request("GET", "/v1/info", Map.of("Authorization", "Basic abc"), null)
                .json()
                .get("message")
                .asText())
        .isEqualTo("Authorization scheme must be 'Bearer'");
    assertThat(api.get("/v1/info", "app-unknown").json().get("message").asText())
        .isEqualTo("Access token is invalid");

    Api.AppKey disabled = api.createApp("chat");
    api.patch("/admin/apps/" + disabled.id(), TestServers.ADMIN_TOKEN, "{\"status\":\"disabled\"}");
    Api.AppKey apiOff = api.createApp("chat");
    api.patch("/admin/apps/" + apiOff.id(), TestServers.ADMIN_TOKEN, "{\"api_enabled\":false}");
    Api.Reply appOff = api.get("/v1/info", disabled.key());
    Api.Reply serviceOff = api.get("/v1/info", apiOff.key());
    assertError(appOff, 403, "forbidden");
    assertThat(appOff.json().get("message").asText()).isEqualTo("The app's status is abnormal.");
    assertError(serviceOff, 403, "forbidden");
    assertThat(serviceOff.json().get("message").asText())
        .isEqualTo("The app's API service has been disabled.");
    // Dify checks the status before the API switch: an app with both off is "abnormal".
    api.patch("/admin/apps/" + disabled.id(), TestServers.ADMIN_TOKEN, "{\"api_enabled\":false}");
    Api.Reply bothOff = api.get("/v1/info", disabled.key());
    assertError(bothOff, 403, "forbidden");
    assertThat(bothOff.json().get("message").asText()).isEqualTo("The app's status is abnormal.");
  }

  @Test
  @DisplayName(
      "404 keeps its own message on GET, unknown routes are JSON for JSON posts, wrong method 405")
  void notFoundAndMethod() {
    String unknown = UUID.randomUUID().toString();
    Api.Reply get = api.get("/v1/messages?user=u&conversation_id=" + unknown, chat.key());
    assertError(get, 404, "not_found");
    assertThat(get.json().get("message").asText()).isEqualTo("Conversation Not Exists.");

    Api.Reply route = api.post("/v1/no-such-route", chat.key(), "{}");
    assertError(route, 404, "not_found");
    assertThat(route.json().get("message").asText())
        .startsWith("The requested URL was not found on the server.");

    // The Node SDK accepts JSON; Javalin would answer such a client with its own problem JSON.
    Api.Reply acceptingJson =
        api.request(
            "POST",
            "/v1/workflows/run",
            java.util.Map.of(
                "Authorization", "Bearer " + chat.key(),
                "Accept", "application/json, text/plain, */*",
                "Content-Type", "application/json"),
            "{}");
    assertError(acceptingJson, 404, "not_found");

    Api.Reply method = api.get("/v1/chat-messages", chat.key());
    assertError(method, 405, "method_not_allowed");
    assertThat(method.json().get("message").asText())
        .isEqualTo("The method is not allowed for the requested URL.");
  }

  @Test
  @DisplayName("a request Jetty refuses before any handler (a malformed URI) is Dify's JSON too")
  void malformedRequest() throws Exception {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          "GET /v1/%zz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

      assertThat(answer).startsWith("HTTP/1.1 400").contains("Content-Type: application/json");
      JsonNode body = Api.JSON.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
      assertThat(body.get("code").asText()).isEqualTo("bad_request");
      assertThat(body.get("status").asInt()).isEqualTo(400);
    }
  }

  @Test
  @DisplayName("a body that is not JSON is bad_request; every error has an X-Request-Id")
  void badJson() {
    Api.Reply reply = api.post("/v1/chat-messages", chat.key(), "{\"query\": ");
    assertError(reply, 400, "bad_request");
    assertThat(reply.json().get("message").asText())
        .isEqualTo("Invalid JSON payload received or JSON payload is empty.");
    assertThat(header(reply, "X-Request-Id")).hasSize(36);
  }

  @Test
  @DisplayName(
      "small differences: New conversation, Dify's statuses, a numeric user, inputs required,"
          + " agent blocking refused, stop of any task ID")
  void smallDifferences() {
    JsonNode answer =
        api.post(
                "/v1/chat-messages",
                chat.key(),
                "{\"inputs\":{},\"query\":\"Hi\",\"user\":42,\"response_mode\":\"blocking\","
                    + "\"auto_generate_name\":false}")
            .json();
    String conversation = answer.get("conversation_id").asText();

    JsonNode conversations = api.get("/v1/conversations?user=42", chat.key()).json();
    assertThat(conversations.at("/data/0/id").asText())
        .as("the numeric user is the text user 42")
        .isEqualTo(conversation);
    assertThat(conversations.at("/data/0/name").asText()).isEqualTo("New conversation");
    assertThat(conversations.at("/data/0/status").asText()).isEqualTo("normal");
    JsonNode message =
        api.get("/v1/messages?user=42&conversation_id=" + conversation, chat.key())
            .json()
            .at("/data/0");
    assertThat(message.get("status").asText()).isEqualTo("normal");
    assertThat(message.get("generation_status").asText()).isEqualTo("normal");

    Api.Reply noInputs =
        api.post(
            "/v1/chat-messages",
            chat.key(),
            "{\"query\":\"Hi\",\"user\":\"u\",\"response_mode\":\"blocking\"}");
    assertError(noInputs, 400, "invalid_param");
    assertThat(noInputs.json().get("message").asText()).contains("inputs");

    Api.AppKey agent = api.createApp("agent-chat");
    Api.Reply blockingAgent =
        api.post("/v1/chat-messages", agent.key(), Api.chat("u", "Hi", "blocking", null));
    assertError(blockingAgent, 400, "invalid_param");
    assertThat(blockingAgent.json().get("message").asText())
        .isEqualTo("Agent Chat App does not support blocking mode");
    assertThat(api.get("/v1/conversations?user=u", agent.key()).json().get("data"))
        .as("nothing was saved")
        .isEmpty();

    Api.Reply stop = api.post("/v1/chat-messages/not-a-uuid/stop", chat.key(), "{\"user\":\"u\"}");
    assertThat(stop.status()).isEqualTo(200);
    assertThat(stop.json().get("result").asText()).isEqualTo("success");
  }

  private static String header(Api.Reply reply, String name) {
    return reply.raw().headers().firstValue(name).orElse(null);
  }

  private static void assertError(Api.Reply reply, int status, String code) {
    assertThat(reply.status()).as(reply.text()).isEqualTo(status);
    assertThat(header(reply, "Content-Type")).startsWith("application/json");
    JsonNode body = reply.json();
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.get("code").asText()).isEqualTo(code);
    assertThat(body.get("message").asText()).isNotBlank();
  }
}
