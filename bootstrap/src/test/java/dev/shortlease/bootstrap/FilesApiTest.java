package dev.shortlease.bootstrap;

import static dev.shortlease.application.testing.ScriptedChatModel.reply;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.google.inject.Module;
import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.port.out.ModelImage;
import dev.shortlease.application.port.out.ModelMessage;
import dev.shortlease.application.port.out.ModelReply;
import dev.shortlease.application.port.out.ModelRequest;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.application.port.out.TokenSink;
import dev.shortlease.application.testing.ScriptedChatModel;
import dev.shortlease.bootstrap.Multipart.Part;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * Files over real HTTP: upload and preview (Dify's shapes and errors, owner-scoped, limits from the
 * settings), and files in chats reaching a vision model as image parts.
 */
class FilesApiTest {
  private static final ScriptedChatModel SCRIPT = new ScriptedChatModel();
  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 26, '\n', 1, 2, 3};
  private static ShortleaseServer server;
  private static Api api;

  /** The scripted model, seeing images: what a vision model gets is what it records. */
  static final class VisionModel implements ChatModelPort {
    @Override
    public ModelReply chat(ModelRequest request, TokenSink tokens, StopSignal stop) {
      return SCRIPT.chat(request, tokens, stop);
    }

    @Override
    public boolean supportsVision() {
      return true;
    }
  }

  @BeforeAll
  static void start() {
    Map<String, String> env = TestServers.env();
    env.put("UPLOAD_FILE_SIZE_LIMIT", "2");
    env.put("UPLOAD_IMAGE_FILE_SIZE_LIMIT", "1");
    env.put("UPLOAD_AUDIO_FILE_SIZE_LIMIT", "1");
    env.put("UPLOAD_VIDEO_FILE_SIZE_LIMIT", "1");
    env.put("UPLOAD_FILE_EXTENSION_BLACKLIST", "exe, .BAT");
    Module vision =
        binder ->
            binder
                .bind(ChatModelPort.class)
                .annotatedWith(RawModel.class)
                .toInstance(new VisionModel());
    server = ShortleaseServer.start(Settings.fromEnvironment(env), vision);
    api = new Api(server);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<byte[]> upload(String key, List<Part> parts) throws Exception {
    return Multipart.post(server, "/v1/files/upload", key, parts);
  }

  private static JsonNode json(HttpResponse<byte[]> response) throws Exception {
    return Api.JSON.readTree(response.body());
  }

  private static String uploadPng(String key, String user) throws Exception {
    HttpResponse<byte[]> response =
        upload(
            key, List.of(Part.file("file", "cat.png", "image/png", PNG), Part.field("user", user)));
    assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(201);
    return json(response).get("id").asText();
  }

  private static void enableImages(Api.AppKey app) {
    api.updateApp(
        app,
        "{\"file_upload\":{\"enabled\":true,\"allowed_file_types\":[\"image\"],"
            + "\"allowed_file_upload_methods\":[\"local_file\",\"remote_url\"],"
            + "\"number_limits\":2}}");
  }

  @Test
  @DisplayName(
      "an upload answers 201 in Dify's shape; its preview serves the bytes to its owner only")
  void uploadAndPreview() throws Exception {
    Api.AppKey app = api.createApp("chat");
    Api.AppKey other = api.createApp("chat");

    HttpResponse<byte[]> created =
        upload(
            app.key(),
            List.of(Part.file("file", "cat.png", "image/png", PNG), Part.field("user", "alice")));

    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode file = json(created);
    assertThat(file.get("name").asText()).isEqualTo("cat.png");
    assertThat(file.get("size").asLong()).isEqualTo(PNG.length);
    assertThat(file.get("extension").asText()).isEqualTo("png");
    assertThat(file.get("mime_type").asText()).isEqualTo("image/png");
    assertThat(file.get("created_by").asText()).isNotBlank();
    assertThat(file.get("created_at").isIntegralNumber()).isTrue();
    String id = file.get("id").asText();

    HttpResponse<byte[]> preview =
        Multipart.get(server, "/v1/files/" + id + "/preview?user=alice", app.key());
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body()).isEqualTo(PNG);
    assertThat(preview.headers().firstValue("Content-Type")).contains("image/png");
    assertThat(preview.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("inline");
    assertThat(
            Multipart.get(
                    server, "/v1/files/" + id + "/preview?user=alice&as_attachment=true", app.key())
                .headers()
                .firstValue("Content-Disposition")
                .orElseThrow())
        .startsWith("attachment");

    for (HttpResponse<byte[]> refused :
        List.of(
            Multipart.get(server, "/v1/files/" + id + "/preview?user=bob", app.key()),
            Multipart.get(server, "/v1/files/" + id + "/preview", app.key()),
            Multipart.get(server, "/v1/files/" + id + "/preview?user=alice", other.key()))) {
      assertError(refused, 404, "file_not_found");
    }
  }

  @Test
  @DisplayName(
      "as_attachment is read as Dify's pydantic bool (1/yes/on, 0/no/off); any other value, or"
          + " none after =, is 400 invalid_param, even for an unknown file")
  void asAttachmentIsABoolean() throws Exception {
    Api.AppKey app = api.createApp("chat");
    String id = uploadPng(app.key(), "alice");
    String preview = "/v1/files/" + id + "/preview?user=alice&as_attachment=";

    for (String yes : List.of("1", "yes", "ON", "t", "True")) {
      assertThat(disposition(Multipart.get(server, preview + yes, app.key())))
          .as(yes)
          .startsWith("attachment");
    }
    for (String no : List.of("0", "no", "OFF", "f", "false")) {
      assertThat(disposition(Multipart.get(server, preview + no, app.key())))
          .as(no)
          .startsWith("inline");
    }
    for (String bad : List.of("maybe", "", "2", "%20true")) {
      HttpResponse<byte[]> refused = Multipart.get(server, preview + bad, app.key());
      assertError(refused, 400, "invalid_param");
      assertThat(json(refused).get("message").asText()).startsWith("as_attachment must be");
    }
    assertError(
        Multipart.get(
            server,
            "/v1/files/00000000-0000-4000-8000-000000000001/preview?as_attachment=maybe",
            app.key()),
        400,
        "invalid_param");
  }

  private static String disposition(HttpResponse<byte[]> preview) {
    assertThat(preview.statusCode()).as(new String(preview.body())).isEqualTo(200);
    return preview.headers().firstValue("Content-Disposition").orElseThrow();
  }

  @Test
  @DisplayName(
      "a zero-byte file is taken (201, size 0) and previews as no bytes, as Dify's upload checks"
          + " no size below its limits")
  void zeroByteUpload() throws Exception {
    Api.AppKey app = api.createApp("chat");

    HttpResponse<byte[]> created =
        upload(
            app.key(),
            List.of(
                Part.file("file", "empty.txt", "text/plain", new byte[0]),
                Part.field("user", "alice")));

    assertThat(created.statusCode()).as(new String(created.body())).isEqualTo(201);
    assertThat(json(created).get("size").asLong()).isZero();
    HttpResponse<byte[]> preview =
        Multipart.get(
            server,
            "/v1/files/" + json(created).get("id").asText() + "/preview?user=alice",
            app.key());
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body()).isEmpty();
  }

  @Test
  @DisplayName(
      "a preview never serves an upload as a page of this origin: HTML downloads as bytes, SVG and"
          + " XML as inert attachments, nothing is sniffed")
  void activeContentIsNotServedInline() throws Exception {
    Api.AppKey app = api.createApp("chat");
    byte[] page = "<html><script>alert(document.domain)</script></html>".getBytes(UTF_8);
    byte[] svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>".getBytes(UTF_8);

    for (Part html :
        List.of(
            Part.file("file", "page.html", "text/html", page),
            Part.file("file", "page.txt", "Text/HTML; charset=utf-8", page),
            Part.file("file", "page.HTM", "text/plain", page))) {
      HttpResponse<byte[]> preview = previewOf(app, html);
      assertThat(preview.body()).isEqualTo(page);
      assertThat(preview.headers().firstValue("Content-Type"))
          .as(html.fileName())
          .contains("application/octet-stream");
      assertThat(preview.headers().firstValue("Content-Disposition").orElseThrow())
          .as(html.fileName())
          .startsWith("attachment");
      assertThat(preview.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    }

    // A browser reads a Content-Type list's last type: this one would open as HTML.
    HttpResponse<byte[]> listed =
        previewOf(app, Part.file("file", "cat.png", "image/png, text/html", page));
    assertThat(listed.headers().firstValue("Content-Type")).contains("application/octet-stream");
    assertThat(listed.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment");

    HttpResponse<byte[]> image = previewOf(app, Part.file("file", "x.svg", "image/svg+xml", svg));
    assertThat(image.headers().firstValue("Content-Type")).contains("image/svg+xml");
    assertThat(image.headers().firstValue("Content-Disposition").orElseThrow())
        .startsWith("attachment");
    assertThat(image.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("sandbox")
        .contains("default-src 'none'");

    HttpResponse<byte[]> png = previewOf(app, Part.file("file", "cat.png", "image/png", PNG));
    assertThat(png.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("inline");
    assertThat(png.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  @DisplayName(
      "a name that is not plain ASCII is RFC 5987-encoded in Content-Disposition, '*' included,"
          + " and decodes to the name")
  void nonAsciiNameIsEncodedAsRfc5987Says() throws Exception {
    Api.AppKey app = api.createApp("chat");
    String name = "it's \u4E2D\u6587 \uD83D\uDE00 a*b (1).png";

    String disposition =
        previewOf(app, Part.file("file", name, "image/png", PNG))
            .headers()
            .firstValue("Content-Disposition")
            .orElseThrow();

    String prefix = "inline; filename*=UTF-8''";
    assertThat(disposition)
        .isEqualTo(prefix + "it%27s%20%E4%B8%AD%E6%96%87%20%F0%9F%98%80%20a%2Ab%20%281%29.png");
    String value = disposition.substring(prefix.length());
    assertThat(value)
        .as("only RFC 5987's attr-char and %-escapes")
        .matches("[A-Za-z0-9!#$&+\\-.^_`|~%]+");
    assertThat(java.net.URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8))
        .isEqualTo(name);
  }

  private static HttpResponse<byte[]> previewOf(Api.AppKey app, Part file) throws Exception {
    HttpResponse<byte[]> created = upload(app.key(), List.of(file, Part.field("user", "alice")));
    assertThat(created.statusCode()).as(new String(created.body())).isEqualTo(201);
    String id = json(created).get("id").asText();
    HttpResponse<byte[]> preview =
        Multipart.get(server, "/v1/files/" + id + "/preview?user=alice", app.key());
    assertThat(preview.statusCode()).isEqualTo(200);
    return preview;
  }

  @Test
  @DisplayName("without user the upload is DEFAULT-USER's, and its preview needs no user")
  void defaultUser() throws Exception {
    Api.AppKey app = api.createApp("chat");
    String id =
        json(upload(app.key(), List.of(Part.file("file", "notes.txt", "text/plain", PNG))))
            .get("id")
            .asText();

    assertThat(Multipart.get(server, "/v1/files/" + id + "/preview", app.key()).statusCode())
        .isEqualTo(200);
  }

  @Test
  @DisplayName("upload errors have Dify's codes: no file, two files, no type, blocked, too large")
  void uploadErrors() throws Exception {
    Api.AppKey app = api.createApp("chat");
    byte[] overOneMb = new byte[1024 * 1024 + 1];

    assertError(upload(app.key(), List.of(Part.field("user", "alice"))), 400, "no_file_uploaded");
    assertError(
        upload(
            app.key(),
            List.of(
                Part.file("file", "a.png", "image/png", PNG),
                Part.file("file", "b.png", "image/png", PNG))),
        400,
        "too_many_files");
    assertError(
        upload(app.key(), List.of(Part.file("file", "a.png", null, PNG))),
        415,
        "unsupported_file_type");
    HttpResponse<byte[]> blocked =
        upload(app.key(), List.of(Part.file("file", "run.EXE", "application/octet-stream", PNG)));
    assertError(blocked, 400, "invalid_param");
    assertThat(json(blocked).get("message").asText()).contains("'.exe' is not allowed");
    assertError(
        upload(app.key(), List.of(Part.file("file", "big.png", "image/png", overOneMb))),
        413,
        "file_too_large");
    // The same size is fine for a document: the limit is the file kind's.
    assertThat(
            upload(app.key(), List.of(Part.file("file", "big.txt", "text/plain", overOneMb)))
                .statusCode())
        .isEqualTo(201);
    assertError(
        Multipart.postJson(server, "/v1/files/upload", app.key(), "{}"), 400, "no_file_uploaded");
    assertError(
        upload(app.key(), List.of(Part.file("file", "", "image/png", PNG))),
        400,
        "filename_not_exists_error");
  }

  @Test
  @DisplayName("a body without a length is cut off at the largest upload the service takes")
  void chunkedTooLarge() throws Exception {
    Api.AppKey app = api.createApp("chat");
    byte[] huge =
        Multipart.body(
            List.of(Part.file("file", "huge.txt", "text/plain", new byte[32 * 1024 * 1024])));

    HttpResponse<byte[]> response =
        Multipart.postChunked(server, "/v1/files/upload", app.key(), huge);

    assertError(response, 413, "file_too_large");
  }

  @Test
  @DisplayName("a body declared larger than the largest upload is refused before it is read")
  void declaredTooLarge() throws Exception {
    Api.AppKey app = api.createApp("chat");
    byte[] huge = new byte[31 * 1024 * 1024];

    HttpResponse<byte[]> response =
        Multipart.postExpectingContinue(
            server,
            "/v1/files/upload",
            app.key(),
            List.of(Part.file("file", "huge.txt", "text/plain", huge)));

    assertError(response, 413, "file_too_large");
  }

  @Test
  @DisplayName(
      "files of the wrong shape, of a kind or number the app does not take, or not one's own:"
          + " 400, nothing saved")
  void chatFilesRefused() throws Exception {
    Api.AppKey app = api.createApp("chat");
    String upload = uploadPng(app.key(), "alice");
    String local =
        "[{\"type\":\"image\",\"transfer_method\":\"local_file\",\"upload_file_id\":\""
            + upload
            + "\"}]";

    Api.Reply wrongShape = api.post("/v1/chat-messages", app.key(), chatWithFiles("alice", "{}"));
    assertThat(wrongShape.status()).isEqualTo(400);
    assertThat(wrongShape.json().get("message").asText()).contains("files");

    enableImages(app);
    for (String files :
        List.of(
            "\"abc\"",
            "[1]",
            "[{\"type\":\"picture\",\"transfer_method\":\"local_file\",\"upload_file_id\":\""
                + upload
                + "\"}]",
            "[{\"type\":\"image\",\"transfer_method\":\"local_file\",\"upload_file_id\":\"nope\"}]",
            "[{\"type\":\"image\",\"transfer_method\":\"remote_url\",\"url\":\"ftp://x/a.png\"}]",
            "[{\"type\":\"document\",\"transfer_method\":\"local_file\",\"upload_file_id\":\""
                + upload
                + "\"}]")) {
      Api.Reply refused = api.post("/v1/chat-messages", app.key(), chatWithFiles("alice", files));
      assertThat(refused.status()).as(files).isEqualTo(400);
      assertThat(refused.code()).as(files).isEqualTo("invalid_param");
    }
    Api.Reply notHers = api.post("/v1/chat-messages", app.key(), chatWithFiles("bob", local));
    assertThat(notHers.status()).isEqualTo(400);
    assertThat(notHers.json().get("message").asText()).isEqualTo("Invalid upload file");
    String three =
        local.replace("]", "," + local.substring(1, local.length() - 1) + "," + local.substring(1));
    Api.Reply tooMany = api.post("/v1/chat-messages", app.key(), chatWithFiles("alice", three));
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.json().get("message").asText()).contains("maximum limit 2");
    assertThat(api.get("/v1/conversations?user=alice", app.key()).json().get("data")).isEmpty();
  }

  @Test
  @DisplayName(
      "an upload and a URL reach the vision model as image parts; message_end and /messages list"
          + " them")
  void chatFilesReachTheModel() throws Exception {
    Api.AppKey app = api.createApp("chat");
    enableImages(app);
    String upload = uploadPng(app.key(), "alice");
    String files =
        "[{\"type\":\"image\",\"transfer_method\":\"local_file\",\"upload_file_id\":\""
            + upload
            + "\"},{\"type\":\"image\",\"transfer_method\":\"remote_url\","
            + "\"url\":\"https://example.com/img/dog.png?x=1\"}]";
    SCRIPT.then(reply("A", " cat"));
    int before = SCRIPT.requests().size();

    Api.Reply streamed =
        api.post(
            "/v1/chat-messages",
            app.key(),
            withFiles(Api.chat("alice", "What is this?", "streaming", null), files));

    ModelRequest request = SCRIPT.requests().get(before);
    ModelMessage.User user = (ModelMessage.User) request.messages().getLast();
    assertThat(user.text()).isEqualTo("What is this?");
    assertThat(user.images()).hasSize(2);
    assertThat(((ModelImage.Inline) user.images().get(0)).data()).isEqualTo(PNG);
    assertThat(((ModelImage.Inline) user.images().get(0)).mimeType()).isEqualTo("image/png");
    assertThat(((ModelImage.Link) user.images().get(1)).url().toString())
        .isEqualTo("https://example.com/img/dog.png?x=1");

    JsonNode end = streamed.events().getLast();
    assertThat(end.get("event").asText()).isEqualTo("message_end");
    JsonNode endFiles = end.get("files");
    assertThat(endFiles).hasSize(2);
    assertThat(endFiles.get(0).get("upload_file_id").asText()).isEqualTo(upload);
    assertThat(endFiles.get(0).get("transfer_method").asText()).isEqualTo("local_file");
    assertThat(endFiles.get(0).get("extension").asText()).isEqualTo(".png");
    assertThat(endFiles.get(1).get("remote_url").asText())
        .isEqualTo("https://example.com/img/dog.png?x=1");

    String conversation = end.get("conversation_id").asText();
    JsonNode message =
        api.get("/v1/messages?user=alice&conversation_id=" + conversation, app.key())
            .json()
            .get("data")
            .get(0);
    JsonNode messageFiles = message.get("message_files");
    assertThat(messageFiles).hasSize(2);
    assertThat(messageFiles.get(0).get("belongs_to").asText()).isEqualTo("user");
    assertThat(messageFiles.get(0).get("type").asText()).isEqualTo("image");
    assertThat(messageFiles.get(0).get("filename").asText()).isEqualTo("cat.png");
    assertThat(messageFiles.get(1).get("url").asText())
        .isEqualTo("https://example.com/img/dog.png?x=1");
    String previewUrl = messageFiles.get(0).get("url").asText();
    assertThat(Multipart.get(server, previewUrl, app.key()).body()).isEqualTo(PNG);
  }

  @Test
  @DisplayName(
      "an upload reaches the model with the type its bytes show; an SVG or non-image upload fails"
          + " the chat with invalid_param before the model is called")
  void uploadedImagesAreCheckedByTheirBytes() throws Exception {
    Api.AppKey app = api.createApp("chat");
    enableImages(app);
    byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};
    String photo = uploadImage(app.key(), "photo.png", "image/png", jpeg);
    String logo =
        uploadImage(app.key(), "logo.svg", "image/svg+xml", "<svg><script/></svg>".getBytes());
    SCRIPT.then(reply("A photo"));
    int before = SCRIPT.requests().size();

    Api.Reply ok = api.post("/v1/chat-messages", app.key(), chatWithUpload(photo));

    assertThat(ok.status()).isEqualTo(200);
    ModelMessage.User user = (ModelMessage.User) SCRIPT.requests().get(before).messages().getLast();
    assertThat(((ModelImage.Inline) user.images().getFirst()).mimeType()).isEqualTo("image/jpeg");

    Logger vision = (Logger) LoggerFactory.getLogger("dev.shortlease.application.chat.VisionInput");
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    log.start();
    vision.addAppender(log);
    Api.Reply refused;
    try {
      refused = api.post("/v1/chat-messages", app.key(), chatWithUpload(logo));
    } finally {
      vision.detachAppender(log);
    }

    assertThat(log.list)
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.getLevel()).isEqualTo(Level.WARN);
              assertThat(line.getFormattedMessage())
                  .isEqualTo(
                      "uploaded image refused: file="
                          + logo
                          + " detected=SVG bytes=20: not a PNG, JPEG, GIF or WEBP image")
                  .doesNotContain("script");
            });
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.code()).isEqualTo("invalid_param");
    assertThat(refused.json().get("message").asText())
        .contains("logo.svg", "not a PNG, JPEG, GIF or WEBP image");
    assertThat(SCRIPT.requests()).hasSize(before + 1);
  }

  private static String uploadImage(String key, String name, String type, byte[] bytes)
      throws Exception {
    HttpResponse<byte[]> response =
        upload(key, List.of(Part.file("file", name, type, bytes), Part.field("user", "alice")));
    assertThat(response.statusCode()).as(new String(response.body())).isEqualTo(201);
    return json(response).get("id").asText();
  }

  private static String chatWithUpload(String upload) {
    return withFiles(
        Api.chat("alice", "What is this?", "blocking", null),
        "[{\"type\":\"image\",\"transfer_method\":\"local_file\",\"upload_file_id\":\""
            + upload
            + "\"}]");
  }

  @Test
  @DisplayName("an app without file upload ignores the files it is sent, as Dify")
  void filesIgnoredWhenOff() throws Exception {
    Api.AppKey app = api.createApp("chat");
    String upload = uploadPng(app.key(), "alice");
    SCRIPT.then(reply("Fine"));
    int before = SCRIPT.requests().size();

    Api.Reply streamed =
        api.post(
            "/v1/chat-messages",
            app.key(),
            withFiles(
                Api.chat("alice", "Look", "streaming", null),
                "[{\"type\":\"image\",\"transfer_method\":\"local_file\",\"upload_file_id\":\""
                    + upload
                    + "\"}]"));

    assertThat(streamed.events().getLast().get("files").isNull()).isTrue();
    ModelMessage.User user = (ModelMessage.User) SCRIPT.requests().get(before).messages().getLast();
    assertThat(user.images()).isEmpty();
  }

  @Test
  @DisplayName("a chat without files ends with files null, as Dify's message_end")
  void noFiles() {
    Api.AppKey app = api.createApp("chat");
    SCRIPT.then(reply("Hi"));

    JsonNode end =
        api.post("/v1/chat-messages", app.key(), Api.chat("carol", "Hi", "streaming", null))
            .events()
            .getLast();

    assertThat(end.get("event").asText()).isEqualTo("message_end");
    assertThat(end.has("files")).isTrue();
    assertThat(end.get("files").isNull()).isTrue();
  }

  @Test
  @DisplayName("/parameters reports the app's file_upload switch and the configured limits in MB")
  void parameters() {
    Api.AppKey app = api.createApp("chat");
    JsonNode off = api.get("/v1/parameters", app.key()).json();
    assertThat(off.at("/file_upload/enabled").asBoolean()).isFalse();
    assertThat(off.at("/file_upload/image/enabled").asBoolean()).isFalse();
    assertThat(off.at("/system_parameters/file_size_limit").asInt()).isEqualTo(2);
    assertThat(off.at("/system_parameters/image_file_size_limit").asInt()).isEqualTo(1);
    assertThat(off.at("/file_upload/fileUploadConfig/file_size_limit").asInt()).isEqualTo(2);

    enableImages(app);
    JsonNode on = api.get("/v1/parameters", app.key()).json();
    assertThat(on.at("/file_upload/enabled").asBoolean()).isTrue();
    assertThat(on.at("/file_upload/image/enabled").asBoolean()).isTrue();
    assertThat(on.at("/file_upload/image/number_limits").asInt()).isEqualTo(2);
    assertThat(on.at("/file_upload/allowed_file_types").toString()).isEqualTo("[\"image\"]");
    assertThat(on.at("/file_upload/image/transfer_methods").toString())
        .isEqualTo("[\"local_file\",\"remote_url\"]");

    Api.Reply bad =
        api.patch(
            "/admin/apps/" + app.id(),
            TestServers.ADMIN_TOKEN,
            "{\"name\":\"renamed\",\"file_upload\":{\"number_limits\":99}}");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(api.get("/v1/info", app.key()).json().get("name").asText()).isNotEqualTo("renamed");
  }

  private static String chatWithFiles(String user, String files) {
    return withFiles(Api.chat(user, "Look", "blocking", null), files);
  }

  private static String withFiles(String chat, String files) {
    return chat.substring(0, chat.length() - 1) + ",\"files\":" + files + "}";
  }

  private static void assertError(HttpResponse<byte[]> response, int status, String code)
      throws Exception {
    assertThat(response.statusCode())
        .as(new String(response.body(), StandardCharsets.UTF_8))
        .isEqualTo(status);
    JsonNode body = json(response);
    assertThat(body.get("code").asText()).as(body.toString()).isEqualTo(code);
    assertThat(body.get("status").asInt()).isEqualTo(status);
    assertThat(body.has("message")).isTrue();
  }
}
