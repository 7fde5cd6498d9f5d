package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortlease.adapter.persistence.DataSourceDecorator;
import dev.shortlease.application.testing.ScriptedChatModel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Keeping the pool for real work, through the real server: unknown keys are read once per miss
 * period, readiness answers from its background probe, and failed authentications are throttled per
 * client address before they cost a read.
 */
class PoolProtectionTest {
  private ShortleaseServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @DisplayName("1,000 lookups of one unknown key, 20 at a time, cost one database read")
  void unknownKeyIsReadOncePerCachePeriod() throws Exception {
    AtomicInteger keyReads = new AtomicInteger();
    server =
        ShortleaseServer.startDecorated(
            Settings.fromEnvironment(
                env(Map.of("UNKNOWN_KEY_CACHE_MS", "60000", "AUTH_FAILURE_LIMIT", "0"))),
            countingKeyReads(keyReads));
    Api api = new Api(server);
    Api.AppKey app = api.createApp("chat");
    assertThat(api.get("/v1/info", app.key()).status()).isEqualTo(200);
    int before = keyReads.get();

    List<Integer> statuses = inParallel(20, 1_000, () -> api.get("/v1/info", "app-made-up-key"));

    assertThat(statuses).hasSize(1_000).containsOnly(401);
    assertThat(keyReads.get() - before).isEqualTo(1);
  }

  @Test
  @DisplayName("/health/ready borrows no connection: 300 checks, not one acquire")
  void readinessBorrowsNothing() {
    server =
        TestServers.simulated(
            Map.of("READINESS_PROBE_INTERVAL_MS", "60000", "INSTANCE_LEASE_SECONDS", "3600"));
    Api api = new Api(server);
    Timer acquires =
        server
            .injector()
            .getInstance(MeterRegistry.class)
            .get("hikaricp.connections.acquire")
            .timer();
    long before = acquires.count();

    for (int i = 0; i < 300; i++) {
      assertThat(api.get("/health/ready", null).status()).isEqualTo(200);
    }

    assertThat(acquires.count() - before).as("connections acquired").isLessThanOrEqualTo(2);
  }

  @Test
  @DisplayName(
      "readiness follows the background probe: 503 while no connection can be had, then back")
  void readinessFollowsTheProbe() throws Exception {
    AtomicReference<DataSource> pool = new AtomicReference<>();
    server =
        ShortleaseServer.startDecorated(
            Settings.fromEnvironment(
                env(
                    Map.of(
                        "DB_POOL_SIZE", "1",
                        "DB_CONNECTION_TIMEOUT_MS", "250",
                        "READINESS_PROBE_INTERVAL_MS", "200"))),
            dataSource -> {
              pool.set(dataSource);
              return dataSource;
            });
    Api api = new Api(server);
    assertThat(api.get("/health/ready", null).status()).isEqualTo(200);

    try (Connection held = pool.get().getConnection()) {
      assertThat(held.isValid(1)).isTrue();
      await(() -> api.get("/health/ready", null).status() == 503, "readiness turns 503");
      assertThat(api.get("/health/ready", null).json().get("reason").asText())
          .isEqualTo("database not ready");
    }
    await(() -> api.get("/health/ready", null).status() == 200, "readiness comes back");
  }

  @Test
  @DisplayName("past the failure limit an address gets 429 with Retry-After, at no database cost")
  void failedAuthenticationsAreThrottledPerAddress() throws Exception {
    AtomicInteger keyReads = new AtomicInteger();
    server =
        ShortleaseServer.startDecorated(
            Settings.fromEnvironment(
                env(Map.of("AUTH_FAILURE_LIMIT", "5", "AUTH_FAILURE_WINDOW_SECONDS", "60"))),
            countingKeyReads(keyReads));
    Api api = new Api(server);
    Api.AppKey app = api.createApp("chat");

    for (int i = 0; i < 5; i++) {
      assertThat(api.get("/v1/info", "app-wrong-" + i).status()).isEqualTo(401);
    }
    int readsBefore = keyReads.get();
    Api.Reply throttled = api.get("/v1/info", "app-wrong-again");
    Api.Reply validButThrottled = api.get("/v1/info", app.key());

    assertThat(throttled.status()).isEqualTo(429);
    assertThat(throttled.code()).isEqualTo("too_many_requests");
    assertThat(throttled.json().get("status").asInt()).isEqualTo(429);
    assertThat(throttled.json().get("message").asText()).contains("failed authentications");
    String retryAfter = throttled.raw().headers().firstValue("Retry-After").orElseThrow();
    assertThat(Long.parseLong(retryAfter))
        .as("Retry-After: the seconds left in the window, as the message says (docs/limits.md)")
        .isBetween(2L, 60L);
    assertThat(throttled.json().get("message").asText()).contains("retry in " + retryAfter + " s");
    assertThat(validButThrottled.status()).as("the whole address waits").isEqualTo(429);
    assertThat(keyReads.get()).as("refused before any lookup").isEqualTo(readsBefore);

    Api.Reply spoofed = getFrom("10.9.8.7", "/v1/info", app.key());
    assertThat(spoofed.status())
        .as("X-Forwarded-For is not believed without TRUSTED_PROXIES")
        .isEqualTo(429);
    Api.Reply admin = api.get("/admin/apps", TestServers.ADMIN_TOKEN);
    assertThat(admin.status()).as("the admin API is behind the same throttle").isEqualTo(429);
  }

  @Test
  @DisplayName("behind a trusted proxy the throttle counts the forwarded client address")
  void trustedProxyForwardsTheClientAddress() throws Exception {
    server =
        TestServers.simulated(Map.of("AUTH_FAILURE_LIMIT", "3", "TRUSTED_PROXIES", "127.0.0.0/8"));
    Api api = new Api(server);
    Api.AppKey app = api.createApp("chat");

    for (int i = 0; i < 3; i++) {
      assertThat(getFrom("10.0.0.1", "/v1/info", "app-wrong").status()).isEqualTo(401);
    }
    assertThat(getFrom("10.0.0.1", "/v1/info", app.key()).status()).isEqualTo(429);
    assertThat(getFrom("10.0.0.2", "/v1/info", app.key()).status())
        .as("another client behind the same proxy")
        .isEqualTo(200);
    assertThat(getFrom("10.0.0.1, 10.0.0.2", "/v1/info", app.key()).status())
        .as("the right-most untrusted hop counts, not what the client wrote before it")
        .isEqualTo(200);
  }

  @Test
  @DisplayName("a proxy's own X-Forwarded-For line counts, not an earlier line the client wrote")
  void forwardedLinesAreOneList() throws Exception {
    server =
        TestServers.simulated(Map.of("AUTH_FAILURE_LIMIT", "3", "TRUSTED_PROXIES", "127.0.0.0/8"));
    Api api = new Api(server);
    Api.AppKey app = api.createApp("chat");

    // HAProxy's "option forwardfor" appends its own line after the client's: a client that writes
    // a fresh address per request must still be counted as the address the proxy saw.
    for (int i = 0; i < 3; i++) {
      assertThat(getFrom(List.of("198.51.100." + i, "10.0.0.1"), "/v1/info", "app-wrong").status())
          .isEqualTo(401);
    }
    assertThat(getFrom(List.of("198.51.100.9", "10.0.0.1"), "/v1/info", app.key()).status())
        .as("a new address written by the client does not walk around the throttle")
        .isEqualTo(429);
    assertThat(getFrom(List.of("10.0.0.1", "10.0.0.2"), "/v1/info", app.key()).status())
        .as("nor can a client make another's address count its failures")
        .isEqualTo(200);
  }

  @Test
  @DisplayName(
      "with the ordinary share of the pool taken, reads get 503 and a running chat still saves")
  void reservedConnectionKeepsFinalSaves() throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicBoolean holdNext = new AtomicBoolean();
    DataSourceDecorator holdOne =
        dataSource ->
            (DataSource)
                Proxy.newProxyInstance(
                    DataSource.class.getClassLoader(),
                    new Class<?>[] {DataSource.class},
                    (proxy, method, args) -> {
                      Object result;
                      try {
                        result = method.invoke(dataSource, args);
                      } catch (InvocationTargetException e) {
                        throw e.getCause();
                      }
                      // The next borrower keeps its connection (and its ordinary permit) until
                      // released: the ordinary share of a pool of 2 with 1 reserved is taken.
                      if (method.getName().equals("getConnection") && holdNext.getAndSet(false)) {
                        holding.countDown();
                        release.await(30, TimeUnit.SECONDS);
                      }
                      return result;
                    });
    ScriptedChatModel model =
        new ScriptedChatModel()
            .then(ScriptedChatModel.slowReply(Duration.ofMillis(1_500), "kept", " answer"));
    Map<String, String> env =
        env(
            Map.of(
                "DB_POOL_SIZE", "2",
                "DB_POOL_RESERVED", "1",
                "DB_CONNECTION_TIMEOUT_MS", "250",
                // No background borrower that skips the ordinary share (the readiness probe, the
                // instance lease) may be the one held below: it would take the reserved connection.
                "READINESS_PROBE_INTERVAL_MS", "60000",
                "INSTANCE_LEASE_SECONDS", "3600"));
    server =
        ShortleaseServer.startDecorated(
            Settings.fromEnvironment(env),
            holdOne,
            binder ->
                binder
                    .bind(dev.shortlease.application.port.out.ChatModelPort.class)
                    .annotatedWith(RawModel.class)
                    .toInstance(model));
    Api api = new Api(server);
    Api.AppKey app = api.createApp("chat");
    assertThat(api.get("/v1/info", app.key()).status()).isEqualTo(200); // key and app cached

    try (InputStream stream =
        api.stream("/v1/chat-messages", app.key(), Api.chat("alice", "Hi", "streaming", null))) {
      // Hold only once the run is in the model (its first chunk is out): before that the held
      // borrower could be this chat's own insert or history read, and the stream would stall.
      StringBuilder seen = new StringBuilder();
      readUntil(stream, "\"event\":\"message\"", seen);
      holdNext.set(true);
      var held =
          java.util.concurrent.CompletableFuture.supplyAsync(
              () -> api.get("/v1/conversations?user=bob&limit=10", app.key()),
              Thread.ofVirtual()::start);
      assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

      Api.Reply refused = api.get("/v1/conversations?user=carol&limit=10", app.key());
      assertThat(refused.status()).as(refused.text()).isEqualTo(503);
      assertThat(refused.code()).isEqualTo("service_unavailable");
      assertThat(refused.raw().headers().firstValue("Retry-After")).isPresent();

      // Within the hold (30 s): a save queued behind the held ordinary share would not end in time.
      String events =
          java.util.concurrent.CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      return seen + new String(stream.readAllBytes(), StandardCharsets.UTF_8);
                    } catch (java.io.IOException e) {
                      throw new java.io.UncheckedIOException(e);
                    }
                  },
                  Thread.ofVirtual()::start)
              .get(15, TimeUnit.SECONDS);
      assertThat(events)
          .as("the final save went through on the reserved connection")
          .contains("\"event\":\"message_end\"");
      release.countDown();
      // The holder is this read or whichever ordinary work borrowed first (the stop relay, say).
      assertThat(held.get(10, TimeUnit.SECONDS).status()).isIn(200, 503);
    } finally {
      release.countDown();
    }
    JsonNode conversations = api.get("/v1/conversations?user=alice&limit=10", app.key()).json();
    String conversation = conversations.get("data").get(0).get("id").asText();
    JsonNode saved =
        api.get("/v1/messages?user=alice&limit=10&conversation_id=" + conversation, app.key())
            .json();
    assertThat(saved.get("data").get(0).get("answer").asText()).isEqualTo("kept answer");
  }

  /** Reads {@code stream} into {@code seen} until it contains {@code marker} (or ends). */
  private static void readUntil(InputStream stream, String marker, StringBuilder seen)
      throws java.io.IOException {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    int next;
    while ((next = stream.read()) != -1) {
      bytes.write(next);
      if (next == '\n' && bytes.toString(StandardCharsets.UTF_8).contains(marker)) {
        break;
      }
    }
    seen.append(bytes.toString(StandardCharsets.UTF_8));
  }

  private Api.Reply getFrom(String forwardedFor, String path, String key) throws Exception {
    return getFrom(List.of(forwardedFor), path, key);
  }

  /** A request with one {@code X-Forwarded-For} line per entry of {@code lines}, in order. */
  private Api.Reply getFrom(List<String> lines, String path, String key) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
            .header("Authorization", "Bearer " + key);
    lines.forEach(line -> request.header("X-Forwarded-For", line));
    HttpResponse<String> response =
        HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    return new Api.Reply(response.statusCode(), response);
  }

  static Map<String, String> env(Map<String, String> overrides) {
    Map<String, String> env = TestServers.env();
    env.putAll(overrides);
    return env;
  }

  /** Counts the statements that read the api_key table (datasource-proxy, as the kit uses it). */
  static DataSourceDecorator countingKeyReads(AtomicInteger reads) {
    return dataSource ->
        ProxyDataSourceBuilder.create(dataSource)
            .afterQuery(
                (execution, queries) ->
                    queries.stream()
                        .filter(query -> query.getQuery().toLowerCase().contains("from api_key"))
                        .forEach(query -> reads.incrementAndGet()))
            .build();
  }

  /** Runs {@code total} requests, {@code concurrency} at a time; their statuses. */
  static List<Integer> inParallel(
      int concurrency, int total, java.util.function.Supplier<Api.Reply> request) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<Integer>> replies = new ArrayList<>();
      for (int i = 0; i < total; i++) {
        replies.add(pool.submit(() -> request.get().status()));
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> reply : replies) {
        statuses.add(reply.get());
      }
      return statuses;
    } finally {
      pool.shutdownNow();
    }
  }

  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
    while (!condition.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.sleep(50);
    }
  }
}
