package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.adapter.llm.LlmSettings;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The start banner in each state of the database, and the commands it prints actually work: each
 * {@code curl} line is run over HTTP as printed.
 */
class StartBannerTest {
  private static final Pattern CURL =
      Pattern.compile(
          "curl -s (?:-X (\\w+) )?(http://\\S+)(?: -H [\"']Authorization: Bearer ([^\"']+)[\"'])?"
              + "(?: -H 'Content-Type: application/json' \\\\\\n\\s*-d '([^']*)')?");
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @Test
  @DisplayName(
      "DEMO_APP=false on an empty database: no apps yet, and the printed create call works")
  void emptyDatabaseWithoutDemoApp() throws Exception {
    try (ShortleaseServer server = TestServers.simulated(Map.of("DEMO_APP", "false"))) {
      String banner = Main.banner(server);

      assertThat(banner).contains("no apps yet;").doesNotContain("exist");
      assertThat(banner).doesNotContain(TestServers.ADMIN_TOKEN); // configured: not printed
      Curl create = curls(banner).get(0);
      assertThat(create.url()).isEqualTo(server.baseUrl() + "/admin/apps");
      HttpResponse<String> created = create.run("$ADMIN_TOKEN", TestServers.ADMIN_TOKEN);
      assertThat(created.statusCode()).isEqualTo(201);
      assertThat(created.body()).contains("\"api_key\"");
    }
  }

  @Test
  @DisplayName("the printed admin call works pasted into a shell that has ADMIN_TOKEN set")
  void adminCallWorksInAShell() throws Exception {
    try (ShortleaseServer server = TestServers.simulated(Map.of("DEMO_APP", "false"))) {
      String banner = Main.banner(server);
      int start = banner.indexOf("curl -s -X POST");
      String command = banner.substring(start, banner.indexOf("\nTry it:")).strip();
      ProcessBuilder shell =
          new ProcessBuilder("bash", "-c", command + " -o /dev/null -w '%{http_code}'")
              .redirectErrorStream(true);
      shell.environment().put("ADMIN_TOKEN", TestServers.ADMIN_TOKEN);
      Process curl = shell.start();
      String status = new String(curl.getInputStream().readAllBytes()).strip();
      assertThat(curl.waitFor()).isZero();
      assertThat(status).as(command).isEqualTo("201");
    }
  }

  @Test
  @DisplayName("a restart names the demo app and the exact call that mints a working key for it")
  void restartNamesTheDemoApp() throws Exception {
    Map<String, String> env = TestServers.env();
    env.put("DEMO_APP", "true");
    env.remove("ADMIN_TOKEN"); // generated on each start, so the banner prints it
    String demoId;
    try (ShortleaseServer first = ShortleaseServer.start(Settings.fromEnvironment(env))) {
      demoId = first.demoApp().orElseThrow().app().id().toString();
      String banner = Main.banner(first);
      assertThat(banner).contains("demo app " + demoId + " created");
      Curl chat = curls(banner).get(0);
      assertThat(chat.run().statusCode()).isEqualTo(200);
    }
    try (ShortleaseServer second = ShortleaseServer.start(Settings.fromEnvironment(env))) {
      String banner = Main.banner(second);

      assertThat(banner)
          .contains("demo app " + demoId + " (from an earlier start")
          .doesNotContain("created");
      List<Curl> curls = curls(banner);
      Curl mint = curls.get(0);
      assertThat(mint.method()).isEqualTo("POST");
      assertThat(mint.url()).isEqualTo(second.baseUrl() + "/admin/apps/" + demoId + "/keys");
      HttpResponse<String> minted = mint.run();
      assertThat(minted.statusCode()).isEqualTo(201);
      String key = Api.JSON.readTree(minted.body()).get("api_key").asText();

      HttpResponse<String> chat = curls.get(1).run("<the api_key from that call>", key);
      assertThat(chat.statusCode()).isEqualTo(200);
    }
  }

  @Test
  @DisplayName("apps without the demo app: the banner says how many and how to get a key")
  void otherApps() throws Exception {
    Map<String, String> env = TestServers.env();
    try (ShortleaseServer first = ShortleaseServer.start(Settings.fromEnvironment(env))) {
      new Api(first).createApp("chat");
    }
    env.put("DEMO_APP", "true"); // apps exist: no demo app is added
    try (ShortleaseServer second = ShortleaseServer.start(Settings.fromEnvironment(env))) {
      assertThat(second.demoApp()).isEmpty();
      String banner = Main.banner(second);
      assertThat(banner).contains("1 app exists; list them, then mint a key for one");
      assertThat(curls(banner).get(0).run("$ADMIN_TOKEN", TestServers.ADMIN_TOKEN).statusCode())
          .isEqualTo(200);
    }
  }

  @Test
  @DisplayName("the banner shows provider, model and base URL, never the URL's secrets")
  void modelLine() {
    assertThat(StartBanner.model(LlmSettings.simulated())).startsWith("simulated");
    LlmSettings openai =
        new LlmSettings(
            "openai",
            "https://u:pw@gw.example.com/v1?key=k9",
            "sk-1",
            "gpt-x",
            null,
            null,
            0,
            1,
            1);
    assertThat(StartBanner.model(openai))
        .isEqualTo("openai, model gpt-x at https://***@gw.example.com/v1");
    LlmSettings ollama = new LlmSettings("ollama", null, null, null, null, null, 0, 1, 1);
    assertThat(StartBanner.model(ollama))
        .isEqualTo("ollama, model llama3.2 at http://localhost:11434");
  }

  /** A curl line as the banner prints it. */
  private record Curl(String method, String url, String token, String body) {
    HttpResponse<String> run(String... replacements) throws Exception {
      String bearer = token;
      String payload = body;
      for (int i = 0; i + 1 < replacements.length; i += 2) {
        bearer = bearer == null ? null : bearer.replace(replacements[i], replacements[i + 1]);
      }
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20));
      if (bearer != null) {
        request.header("Authorization", "Bearer " + bearer);
      }
      if (payload != null) {
        request.header("Content-Type", "application/json");
      }
      String verb = method != null ? method : payload != null ? "POST" : "GET";
      request.method(
          verb,
          payload == null
              ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(payload));
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }

  private static List<Curl> curls(String banner) {
    String joined = banner.replace("' \\\n    -H", "' -H").replace(" \\\n    -H", " -H");
    Matcher matcher = CURL.matcher(joined);
    List<Curl> found = new java.util.ArrayList<>();
    while (matcher.find()) {
      found.add(new Curl(matcher.group(1), matcher.group(2), matcher.group(3), matcher.group(4)));
    }
    assertThat(found).as("curl lines in:%n%s", banner).isNotEmpty();
    return found;
  }
}
