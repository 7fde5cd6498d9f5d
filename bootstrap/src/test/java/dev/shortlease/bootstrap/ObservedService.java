package dev.shortlease.bootstrap;

import static dev.shortlease.application.testing.ScriptedChatModel.fail;
import static dev.shortlease.application.testing.ScriptedChatModel.reply;

import dev.shortlease.application.port.out.ModelErrorKind;
import dev.shortlease.application.testing.ScriptedChatModel;
import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;

/**
 * The service after real chats, so every metric family it exports is present: answered chats, a
 * model failure, a refused admin call. For the metrics, docs and Grafana tests.
 */
final class ObservedService {
  private ObservedService() {}

  static ShortleaseServer afterChats() throws InterruptedException {
    ScriptedChatModel model =
        new ScriptedChatModel()
            .then(
                reply("short ", "answer"),
                fail(ModelErrorKind.RATE_LIMITED, "slow down"),
                reply("another"))
            .otherwise(reply("ok"));
    ShortleaseServer server = TestServers.scripted(model);
    Api api = new Api(server);
    Api.AppKey app = api.createApp("chat");
    for (int i = 0; i < 4; i++) {
      api.post("/v1/chat-messages", app.key(), Api.chat("u" + i, "Hello", "blocking", null));
    }
    api.get("/admin/pool", "wrong-token"); // a 401 in the response counter
    api.get("/no-such-route/" + java.util.UUID.randomUUID(), null); // counted as "unmatched"
    long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
    while (server.injector().getInstance(ModelCallMetrics.class).active() > 0
        && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    return server;
  }

  /** The metric families of a Prometheus text scrape (its {@code # TYPE} lines). */
  static Set<String> families(String scrape) {
    Set<String> names = new TreeSet<>();
    scrape
        .lines()
        .filter(line -> line.startsWith("# TYPE "))
        .forEach(line -> names.add(line.split(" ")[2]));
    return names;
  }

  /** Every sample name of a scrape ({@code _bucket}, {@code _count}... included). */
  static Set<String> sampleNames(String scrape) {
    Set<String> names = new TreeSet<>();
    scrape
        .lines()
        .filter(line -> !line.isBlank() && !line.startsWith("#"))
        .forEach(line -> names.add(line.split("[{ ]", 2)[0]));
    return names;
  }
}
