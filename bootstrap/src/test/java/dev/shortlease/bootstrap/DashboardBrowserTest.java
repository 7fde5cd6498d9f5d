package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code /dashboard} in a real headless Chromium while chats run: sign in with the admin token,
 * then check what the page draws. Saves a screenshot to {@code target/dashboard.png}, and to {@code
 * docs/images/dashboard.png} with {@code -Ddashboard.screenshot=docs}.
 */
class DashboardBrowserTest {
  private static final int CHATTERS = 3;

  /** Everything the page drew, read in the browser. */
  private static final String DRAWN =
      """
      JSON.stringify({
        href: location.href,
        stored: sessionStorage.getItem("shortlease.adminToken"),
        series: [...document.querySelectorAll("#inflight polyline")].map(p => ({
          name: p.dataset.series,
          points: p.getAttribute("points").trim().split(" ").map(xy => xy.split(",").map(Number))
        })),
        bars: [...document.querySelectorAll("#leases rect.bar")].map(b => Number(b.dataset.count)),
        chats: [...document.querySelectorAll("#timeline g.chat")].map(g => ({
          id: g.dataset.chat,
          rects: [...g.querySelectorAll("rect")].map(r => ({
            kind: r.getAttribute("class"), start: Number(r.dataset.start),
            end: Number(r.dataset.end), x: Number(r.getAttribute("x")),
            width: Number(r.getAttribute("width"))
          }))
        }))
      })
      """;

  @Test
  @DisplayName(
      "signed in with the admin token, the page draws chats against connections, lease times,"
          + " and leases beside (never over) model calls")
  void pageDrawsTheActivity() throws Exception {
    try (ShortleaseServer server =
        TestServers.simulated(
            Map.of(
                "SIMULATED_TTFT_MS", "300",
                "SIMULATED_TOKENS_PER_SECOND", "40",
                "SIMULATED_ANSWER_TOKENS", "10"))) {
      Api api = new Api(server);
      String base = "http://127.0.0.1:" + server.port();
      Api.Reply page = api.get("/dashboard", null);
      assertThat(page.status()).isEqualTo(200);
      assertThat(page.raw().headers().firstValue("Content-Security-Policy"))
          .hasValueSatisfying(csp -> assertThat(csp).contains("default-src 'none'"));
      assertThat(api.get("/admin/activity", null).status())
          .as("data needs the token")
          .isEqualTo(401);

      Api.AppKey app = api.createApp("chat");
      AtomicBoolean chatting = new AtomicBoolean(true);
      AtomicInteger answered = new AtomicInteger();
      List<Thread> chatters = new ArrayList<>();
      for (int i = 0; i < CHATTERS; i++) {
        String user = "viewer-" + i;
        chatters.add(
            Thread.ofVirtual()
                .start(
                    () -> {
                      while (chatting.get()) {
                        Api.Reply reply =
                            api.post(
                                "/v1/chat-messages",
                                app.key(),
                                Api.chat(user, "Hello", "blocking", null));
                        if (reply.status() == 200) {
                          answered.incrementAndGet();
                        }
                      }
                    }));
      }
      try (HeadlessChromium browser = HeadlessChromium.start()) {
        while (answered.get() < 6) {
          Thread.sleep(50);
        }
        browser.navigate(base + "/dashboard");
        assertThat(browser.eval("document.getElementById('board').hidden").asBoolean()).isTrue();
        browser.eval("document.getElementById('token').focus()");
        browser.type(TestServers.ADMIN_TOKEN);
        browser.pressEnter();
        browser.waitFor(
            "Number(document.body.dataset.updates || 0) >= 3"
                + " && document.querySelectorAll('#timeline rect.model').length >= 3");
        JsonNode drawn = Api.JSON.readTree(browser.eval(DRAWN).asText());
        byte[] png = browser.screenshot();
        saveScreenshot(png);

        assertThat(drawn.get("href").asText()).isEqualTo(base + "/dashboard");
        assertThat(drawn.get("stored").asText()).isEqualTo(TestServers.ADMIN_TOKEN);
        assertInflightChart(drawn.get("series"));
        long leases = 0;
        for (JsonNode count : drawn.get("bars")) {
          leases += count.asLong();
        }
        assertThat(leases).as("leases in the histogram").isPositive();
        assertTimeline(drawn.get("chats"));
        assertThat(png.length).as("a PNG with something in it").isGreaterThan(10_000);
      } finally {
        chatting.set(false);
        for (Thread chatter : chatters) {
          chatter.join();
        }
      }
    }
  }

  private static void assertInflightChart(JsonNode series) {
    List<String> names = new ArrayList<>();
    series.forEach(s -> names.add(s.get("name").asText()));
    assertThat(names).containsExactly("chats_running", "model_calls", "active", "idle", "pending");
    for (JsonNode s : series) {
      assertThat(s.get("points").size()).as(s.get("name").asText()).isGreaterThanOrEqualTo(2);
      for (JsonNode point : s.get("points")) {
        assertThat(point.get(0).asDouble()).isBetween(40.0, 950.0);
        assertThat(point.get(1).asDouble()).isBetween(10.0, 216.0);
      }
    }
    // The idle line sits above the baseline at some point: the pool had free connections.
    boolean someIdle = false;
    for (JsonNode point : series.get(3).get("points")) {
      someIdle |= point.get(1).asDouble() < 215.9;
    }
    assertThat(someIdle).as("idle connections drawn above zero").isTrue();
  }

  private static void assertTimeline(JsonNode chats) {
    assertThat(chats.size()).as("chats on the timeline").isGreaterThanOrEqualTo(3);
    int saved = 0;
    for (JsonNode chat : chats) {
      List<JsonNode> models = new ArrayList<>();
      List<JsonNode> leases = new ArrayList<>();
      for (JsonNode rect : chat.get("rects")) {
        (rect.get("kind").asText().equals("model") ? models : leases).add(rect);
        assertThat(rect.get("x").asDouble()).as("inside the axis").isBetween(89.9, 950.1);
        assertThat(rect.get("width").asDouble()).isGreaterThanOrEqualTo(2.0);
        assertThat(rect.get("end").asDouble()).isGreaterThanOrEqualTo(rect.get("start").asDouble());
      }
      String id = chat.get("id").asText();
      assertThat(models).as(id + ": its model call").hasSize(1);
      JsonNode model = models.get(0);
      assertThat(model.get("end").asDouble() - model.get("start").asDouble())
          .as("a simulated model call lasts at least its time to first token")
          .isGreaterThanOrEqualTo(300.0);
      assertThat(leases)
          .as(id + ": T2 before the model call")
          .anySatisfy(
              lease ->
                  assertThat(lease.get("end").asDouble())
                      .isLessThanOrEqualTo(model.get("start").asDouble()));
      boolean savedAfter = false;
      for (JsonNode lease : leases) {
        boolean overlaps =
            lease.get("start").asDouble() < model.get("end").asDouble()
                && model.get("start").asDouble() < lease.get("end").asDouble();
        assertThat(overlaps).as(id + ": lease " + lease + " over model call " + model).isFalse();
        savedAfter |= lease.get("start").asDouble() >= model.get("end").asDouble();
      }
      saved += savedAfter ? 1 : 0;
    }
    // The newest chats may still be saving (one per client at most) when the page was read.
    assertThat(saved)
        .as("chats with T4 after the model call")
        .isGreaterThanOrEqualTo(chats.size() - CHATTERS);
  }

  private static void saveScreenshot(byte[] png) throws Exception {
    Files.write(Path.of("target/dashboard.png"), png);
    if ("docs".equals(System.getProperty("dashboard.screenshot"))) {
      Path docs = MetricsAfterChatsTest.repository().resolve("docs/images/dashboard.png");
      Files.createDirectories(docs.getParent());
      Files.write(docs, png);
    }
  }
}
