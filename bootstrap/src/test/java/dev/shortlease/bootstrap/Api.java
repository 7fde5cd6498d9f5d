package dev.shortlease.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small HTTP client for tests: JSON in, status + JSON (or text) out. */
final class Api {
  static final ObjectMapper JSON = new ObjectMapper();

  /** One answer: status, headers, raw text, and the text parsed as JSON when it is JSON. */
  record Reply(int status, HttpResponse<String> raw) {
    JsonNode json() {
      try {
        return JSON.readTree(raw.body());
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + raw.body(), e);
      }
    }

    String text() {
      return raw.body();
    }

    String code() {
      return json().path("code").asText();
    }

    /** The {@code data:} events of an event stream, in order. */
    List<JsonNode> events() {
      List<JsonNode> events = new ArrayList<>();
      for (String block : raw.body().split("\n\n")) {
        if (block.startsWith("data: ")) {
          try {
            events.add(JSON.readTree(block.substring(6)));
          } catch (IOException e) {
            throw new AssertionError("bad event: " + block, e);
          }
        }
      }
      return events;
    }
  }

  /** A created app: its ID and first key. */
  record AppKey(String id, String key) {}

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final String base;

  Api(ShortleaseServer server) {
    this(server.baseUrl());
  }

  Api(String base) {
    this.base = base;
  }

  /** Every app {@code GET /admin/apps} lists, page after page (100 a page). */
  List<JsonNode> allApps(String adminToken) {
    List<JsonNode> apps = new ArrayList<>();
    for (int page = 1; ; page++) {
      JsonNode reply = get("/admin/apps?limit=100&page=" + page, adminToken).json();
      reply.get("data").forEach(apps::add);
      if (!reply.get("has_more").asBoolean()) {
        return apps;
      }
    }
  }

  Reply get(String path, String token) {
    return send(builder(path, token).GET());
  }

  Reply post(String path, String token, String json) {
    return send(
        builder(path, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Reply put(String path, String token, String json) {
    return send(
        builder(path, token)
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json)));
  }

  Reply patch(String path, String token, String json) {
    return send(
        builder(path, token)
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(json)));
  }

  Reply delete(String path, String token, String json) {
    return send(
        builder(path, token)
            .header("Content-Type", "application/json")
            .method("DELETE", HttpRequest.BodyPublishers.ofString(json)));
  }

  /** Any method, with the given headers (no Authorization unless among them) and body (or none). */
  Reply request(String method, String path, java.util.Map<String, String> headers, String body) {
    HttpRequest.Builder b =
        builder(path, null)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return send(b);
  }

  /** Opens a streaming request and returns the body as it arrives. */
  InputStream stream(String path, String token, String json) throws Exception {
    HttpResponse<InputStream> response =
        client.send(
            builder(path, token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build(),
            HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() != 200) {
      throw new AssertionError("status " + response.statusCode());
    }
    return response.body();
  }

  AppKey createApp(String mode) {
    Reply reply =
        post(
            "/admin/apps",
            TestServers.ADMIN_TOKEN,
            "{\"name\":\"test " + mode + "\",\"mode\":\"" + mode + "\"}");
    if (reply.status() != 201) {
      throw new AssertionError("create app: " + reply.status() + " " + reply.text());
    }
    return new AppKey(reply.json().get("id").asText(), reply.json().get("api_key").asText());
  }

  /** {@code PATCH /admin/apps/{id}} with {@code json} (switches, form, ...); fails unless 200. */
  void updateApp(AppKey app, String json) {
    Reply patched = patch("/admin/apps/" + app.id(), TestServers.ADMIN_TOKEN, json);
    if (patched.status() != 200) {
      throw new AssertionError("update app: " + patched.status() + " " + patched.text());
    }
  }

  /** Creates an app from a full admin body (name, mode, form, variables, ...). */
  AppKey createApp(String mode, String extraJson) {
    Reply reply =
        post(
            "/admin/apps",
            TestServers.ADMIN_TOKEN,
            "{\"name\":\"test " + mode + "\",\"mode\":\"" + mode + "\"," + extraJson + "}");
    if (reply.status() != 201) {
      throw new AssertionError("create app: " + reply.status() + " " + reply.text());
    }
    return new AppKey(reply.json().get("id").asText(), reply.json().get("api_key").asText());
  }

  static String chat(String user, String query, String mode, String conversationId) {
    return "{\"inputs\":{},\"query\":\""
        + query
        + "\",\"response_mode\":\""
        + mode
        + "\",\"user\":\""
        + user
        + "\",\"auto_generate_name\":false"
        + (conversationId == null ? "" : ",\"conversation_id\":\"" + conversationId + "\"")
        + "}";
  }

  private HttpRequest.Builder builder(String path, String token) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
    return token == null ? b : b.header("Authorization", "Bearer " + token);
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response);
    } catch (IOException e) {
      throw new AssertionError(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** The first {@code data:} event of an SSE stream being read. */
  static JsonNode firstEvent(BufferedReader reader) throws IOException {
    String line;
    while ((line = reader.readLine()) != null) {
      if (line.startsWith("data: ")) {
        return JSON.readTree(line.substring(6));
      }
    }
    throw new AssertionError("stream ended before its first event");
  }
}
