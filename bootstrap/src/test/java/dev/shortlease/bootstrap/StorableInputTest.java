package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortlease.bootstrap.Multipart.Part;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Input the database could not store as sent (ADR 0052): text with the NUL character (PostgreSQL's
 * text types refuse it), file names longer than their column, page numbers whose offset overflows.
 * Each is a 400 naming the field, or is shortened as Dify shortens it, never a 500, and a refused
 * request saves nothing. On H2 here; {@link StorableInputOnPostgresTest} runs the same on
 * PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StorableInputTest {
  private static final String NUL = "\\u0000"; // as it is written inside a JSON string
  private ShortleaseServer server;
  private Api api;
  private Api.AppKey chat;

  /** The service's settings for this class; the PostgreSQL variant points them there. */
  Map<String, String> env() {
    return TestServers.env();
  }

  @BeforeAll
  void start() {
    server = ShortleaseServer.start(Settings.fromEnvironment(env()));
    api = new Api(server);
    chat = api.createApp("chat");
    api.updateApp( // remote images only: the remote-name case attaches one
        chat,
        "{\"file_upload\":{\"enabled\":true,\"allowed_file_types\":[\"image\"],"
            + "\"allowed_file_upload_methods\":[\"remote_url\"],\"number_limits\":1}}");
  }

  @AfterAll
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @ParameterizedTest(name = "{0} ({1})")
  @CsvSource(
      delimiter = '|',
      value = {
        "query | blocking | {\"query\":\"a" + NUL + "b\",\"user\":\"USER\"}",
        "query | streaming | {\"query\":\"a" + NUL + "b\",\"user\":\"USER\"}",
        "user | blocking | {\"query\":\"hi\",\"user\":\"USER" + NUL + "\"}",
        "inputs.topic | blocking | {\"query\":\"hi\",\"user\":\"USER\",\"inputs\":{\"topic\":\""
            + NUL
            + "\"}}",
        "files[0].url | blocking | {\"query\":\"hi\",\"user\":\"USER\",\"files\":"
            + "[{\"type\":\"image\",\"transfer_method\":\"remote_url\",\"url\":\"https://x/a"
            + NUL
            + ".png\"}]}",
      })
  @DisplayName("NUL in a chat's text is a 400 naming the field, and nothing is saved")
  void nulInAChatIsRefused(String field, String mode, String body) {
    String user = "nul-" + UUID.randomUUID();
    String json =
        "{\"response_mode\":\""
            + mode
            + "\","
            + (body.contains("inputs") ? "" : "\"inputs\":{},")
            + body.substring(1).replace("USER", user);

    Api.Reply reply = api.post("/v1/chat-messages", chat.key(), json);

    assertThat(reply.status()).as(reply.text()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("invalid_param");
    assertThat(reply.json().get("message").asText())
        .isEqualTo(field + " must not contain the NUL character (\\u0000)");
    assertThat(api.get("/v1/conversations?user=" + user, chat.key()).json().get("data")).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @CsvSource(
      delimiter = '|',
      value = {
        "query | {\"query\":\"a\\ud83db\",\"user\":\"USER\",\"inputs\":{}} | d83d",
        "query | {\"query\":\"a\\ude00\",\"user\":\"USER\",\"inputs\":{}} | de00",
        "user | {\"query\":\"hi\",\"user\":\"USER\\ud83d\",\"inputs\":{}} | d83d",
        "inputs.topic | {\"query\":\"hi\",\"user\":\"USER\",\"inputs\":{\"topic\":\"\\udc00"
            + "\\ud83d\\ude00\"}} | dc00",
      })
  @DisplayName(
      "half of a surrogate pair (a \\u escape without its pair) is a 400 naming the field, and"
          + " nothing is saved, as on H2 so on PostgreSQL, whose driver would save it as '?'")
  void halfASurrogatePairIsRefused(String field, String body, String unit) {
    String user = "half-" + UUID.randomUUID();
    String json = "{\"response_mode\":\"blocking\"," + body.substring(1).replace("USER", user);

    Api.Reply reply = api.post("/v1/chat-messages", chat.key(), json);

    assertThat(reply.status()).as(reply.text()).isEqualTo(400);
    assertThat(reply.code()).isEqualTo("invalid_param");
    assertThat(reply.json().get("message").asText())
        .isEqualTo(field + " must not contain half of a surrogate pair (\\u" + unit + ")");
    assertThat(api.get("/v1/conversations?user=" + user, chat.key()).json().get("data")).isEmpty();
    Api.Reply paired =
        api.post(
            "/v1/chat-messages",
            chat.key(),
            json.replaceAll("\\\\u[dD][0-9a-fA-F]{3}", "\\\\ud83d\\\\ude00"));
    assertThat(paired.status()).as("the same with whole pairs: %s", paired.text()).isEqualTo(200);
  }

  @Test
  @DisplayName("NUL in a query parameter or a form field is a 400 naming it")
  void nulInParametersIsRefused() throws Exception {
    Api.Reply listed = api.get("/v1/conversations?user=a%00b", chat.key());
    assertThat(listed.status()).as(listed.text()).isEqualTo(400);
    assertThat(listed.json().get("message").asText())
        .isEqualTo("user must not contain the NUL character (\\u0000)");

    HttpResponse<byte[]> uploaded =
        Multipart.post(
            server,
            "/v1/files/upload",
            chat.key(),
            List.of(
                Part.file("file", "cat.png", "image/png", new byte[] {1, 2, 3}),
                Part.field("user", "a\0b")));
    JsonNode error = Api.JSON.readTree(uploaded.body());
    assertThat(uploaded.statusCode()).as(error.toString()).isEqualTo(400);
    assertThat(error.get("message").asText())
        .isEqualTo("user must not contain the NUL character (\\u0000)");
  }

  @ParameterizedTest(name = "{0} {1}")
  @CsvSource({
    "/v1/files/upload, 0, filename must not contain the NUL character (\\u0000)",
    "/v1/audio-to-text, 0, filename must not contain the NUL character (\\u0000)",
    "/v1/files/upload, 31, filename must not contain control characters (\\u001f)",
  })
  @DisplayName("a control character in an upload's filename is a 400 naming the filename")
  void controlCharacterInFilenameIsRefused(String path, int character, String message)
      throws Exception {
    String name = "a" + (char) character + "b.png";

    HttpResponse<byte[]> uploaded =
        Multipart.post(
            server,
            path,
            chat.key(),
            List.of(Part.file("file", name, "image/png", new byte[] {1, 2, 3})));

    JsonNode error = Api.JSON.readTree(uploaded.body());
    assertThat(uploaded.statusCode()).as(error.toString()).isEqualTo(400);
    assertThat(error.get("code").asText()).isEqualTo("invalid_param");
    assertThat(error.get("message").asText()).isEqualTo(message);
    assertThat(uploaded.headers().firstValue("connection"))
        .as("Jetty closes after a body it could not parse, and says so")
        .hasValue("close");
    HttpResponse<byte[]> next =
        Multipart.post(
            server,
            "/v1/files/upload",
            chat.key(),
            List.of(Part.file("file", "ok.png", "image/png", new byte[] {1, 2, 3})));
    assertThat(next.statusCode())
        .as("the shared keep-alive client's next request: %s", new String(next.body()))
        .isIn(201, 400);
  }

  static Stream<Arguments> longNames() {
    String emoji = "\uD83D\uDE00";
    String x40 = "x".repeat(40);
    return Stream.of(
        Arguments.of("f".repeat(300) + ".txt", "f".repeat(200) + ".txt", "txt"),
        Arguments.of(emoji.repeat(300) + ".png", emoji.repeat(200) + ".png", "png"),
        Arguments.of("clip." + emoji.repeat(30), "clip." + emoji.repeat(30), emoji.repeat(30)),
        Arguments.of("f".repeat(10) + "." + x40, "f".repeat(10) + "." + x40, ""),
        Arguments.of("f".repeat(300) + "." + x40, "f".repeat(200), ""));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("longNames")
  @DisplayName("an upload's long name is cut to 200 characters and keeps its extension")
  void longUploadNamesAreShortened(String name, String stored, String extension) throws Exception {
    HttpResponse<byte[]> uploaded =
        Multipart.post(
            server,
            "/v1/files/upload",
            chat.key(),
            List.of(Part.file("file", name, "text/plain", "hi".getBytes(StandardCharsets.UTF_8))));

    JsonNode file = Api.JSON.readTree(uploaded.body());
    assertThat(uploaded.statusCode()).as(file.toString()).isEqualTo(201);
    assertThat(file.get("name").asText()).isEqualTo(stored);
    assertThat(file.get("extension").asText()).isEqualTo(extension);
  }

  @Test
  @DisplayName(
      "caps count characters as Dify does: 255 emoji are kept in a user, a conversation's and an"
          + " app's name, 256 are a 400")
  void capsCountCharactersNotUnits() {
    String emoji = "\uD83D\uDE00";
    String user = emoji.repeat(254) + UUID.randomUUID().toString().charAt(0);
    String asQuery = URLEncoder.encode(user, StandardCharsets.UTF_8);

    Api.Reply started =
        api.post("/v1/chat-messages", chat.key(), Api.chat(user, "hi", "blocking", null));
    assertThat(started.status()).as(started.text()).isEqualTo(200);
    String conversation = started.json().get("conversation_id").asText();
    assertThat(api.get("/v1/conversations?user=" + asQuery, chat.key()).json().get("data"))
        .singleElement()
        .satisfies(c -> assertThat(c.get("id").asText()).isEqualTo(conversation));

    String path = "/v1/conversations/" + conversation + "/name";
    Api.Reply renamed =
        api.post(
            path, chat.key(), "{\"name\":\"" + emoji.repeat(255) + "\",\"user\":\"" + user + "\"}");
    assertThat(renamed.status()).as(renamed.text()).isEqualTo(200);
    assertThat(renamed.json().get("name").asText()).isEqualTo(emoji.repeat(255));
    Api.Reply tooLong =
        api.post(
            path, chat.key(), "{\"name\":\"" + emoji.repeat(256) + "\",\"user\":\"" + user + "\"}");
    assertThat(tooLong.status()).as(tooLong.text()).isEqualTo(400);
    assertThat(tooLong.code()).isEqualTo("invalid_param");
    assertThat(
            api.get("/v1/conversations?user=" + asQuery, chat.key())
                .json()
                .at("/data/0/name")
                .asText())
        .isEqualTo(emoji.repeat(255));

    Api.Reply app =
        api.post(
            "/admin/apps",
            TestServers.ADMIN_TOKEN,
            "{\"name\":\"" + emoji.repeat(255) + "\",\"mode\":\"chat\"}");
    assertThat(app.status()).as(app.text()).isEqualTo(201);
    assertThat(app.json().get("name").asText()).isEqualTo(emoji.repeat(255));
  }

  @Test
  @DisplayName("a remote file whose name is longer than 200 characters is attached, shortened")
  void longRemoteNamesAreShortened() {
    String user = "remote-" + UUID.randomUUID();
    String body =
        "{\"inputs\":{},\"query\":\"look\",\"user\":\""
            + user
            + "\",\"response_mode\":\"blocking\",\"files\":[{\"type\":\"image\","
            + "\"transfer_method\":\"remote_url\",\"url\":\"https://example.com/"
            + "d".repeat(300)
            + ".png\"}]}";

    Api.Reply reply = api.post("/v1/chat-messages", chat.key(), body);

    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
    String conversation = reply.json().get("conversation_id").asText();
    JsonNode files =
        api.get("/v1/messages?user=" + user + "&conversation_id=" + conversation, chat.key())
            .json()
            .at("/data/0/message_files");
    assertThat(files).hasSize(1);
    assertThat(files.get(0).get("url").asText()).endsWith("d".repeat(300) + ".png");
  }

  @Test
  @DisplayName("a page number past 1,000,000 is a 400, not an overflowed offset")
  void hugePageNumbersAreRefused() {
    for (String path : List.of("/v1/apps/annotations", "/v1/app/feedbacks")) {
      Api.Reply reply = api.get(path + "?page=2147483647", chat.key());
      assertThat(reply.status()).as(path + ": " + reply.text()).isEqualTo(400);
      assertThat(reply.json().get("message").asText())
          .isEqualTo("page must be between 1 and 1000000");
    }
  }

  @Test
  @DisplayName("unknown cursors get Dify's own 404 texts")
  void unknownCursorsGetDifysTexts() {
    String user = "cursor-" + UUID.randomUUID();
    Api.Reply started =
        api.post("/v1/chat-messages", chat.key(), Api.chat(user, "hi", "blocking", null));
    String conversation = started.json().get("conversation_id").asText();

    Api.Reply conversations =
        api.get("/v1/conversations?user=" + user + "&last_id=" + UUID.randomUUID(), chat.key());
    Api.Reply messages =
        api.get(
            "/v1/messages?user="
                + user
                + "&conversation_id="
                + conversation
                + "&first_id="
                + UUID.randomUUID(),
            chat.key());

    assertThat(conversations.status()).isEqualTo(404);
    assertThat(conversations.json().get("message").asText())
        .isEqualTo("Last Conversation Not Exists.");
    assertThat(messages.status()).isEqualTo(404);
    assertThat(messages.json().get("message").asText()).isEqualTo("First Message Not Exists.");
  }

  @Test
  @DisplayName("the end user a request without user gets is anonymous, as in Dify")
  void defaultUserIsAnonymous() throws Exception {
    HttpResponse<byte[]> uploaded =
        Multipart.post(
            server,
            "/v1/files/upload",
            chat.key(),
            List.of(Part.file("file", "cat.png", "image/png", new byte[] {1})));
    String endUser = Api.JSON.readTree(uploaded.body()).get("created_by").asText();

    JsonNode user = api.get("/v1/end-users/" + endUser, chat.key()).json();

    assertThat(user.get("session_id").asText()).isEqualTo("DEFAULT-USER");
    assertThat(user.get("is_anonymous").asBoolean()).isTrue();
  }
}
