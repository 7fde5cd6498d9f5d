package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.shortlease.application.port.out.ChatModelPort;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Tracing as configured by the {@code OTEL_*} variables: off by default (no span decorator, no
 * exporter thread), OTLP over HTTP to a collector, the logging exporter, and a wrong value.
 */
@DisplayName("Traces: off unless OTEL_* asks; OTLP and logging exporters send what a chat did")
class TracingExportTest {
  private HttpServer collector;

  @AfterEach
  void stopCollector() {
    if (collector != null) {
      collector.stop(0);
    }
  }

  private static ShortleaseServer start(Map<String, String> otel) {
    Map<String, String> env = TestServers.env();
    env.putAll(otel);
    return ShortleaseServer.start(Settings.fromEnvironment(env));
  }

  private static void chat(ShortleaseServer server) {
    Api api = new Api(server);
    Api.AppKey app = api.createApp("chat");
    Api.Reply reply =
        api.post("/v1/chat-messages", app.key(), Api.chat("otel", "Hello", "blocking", null));
    assertThat(reply.status()).as(reply.text()).isEqualTo(200);
  }

  private static boolean exporterThreadRunning() {
    return Thread.getAllStackTraces().keySet().stream()
        .anyMatch(t -> t.getName().startsWith("BatchSpanProcessor"));
  }

  @Test
  @DisplayName(
      "without OTEL_* nothing is traced: no decorator around the model, no exporter thread")
  void offByDefault() {
    try (ShortleaseServer server = start(Map.of("OTEL_SERVICE_NAME", "only-a-name"))) {
      chat(server);
      assertThat(server.tracing().on()).isFalse();
      assertThat(server.tracing().recent()).isEmpty();
      assertThat(server.injector().getInstance(ChatModelPort.class).toString())
          .doesNotContain("traced(");
      assertThat(exporterThreadRunning()).isFalse();
    }
  }

  @Test
  @DisplayName("with an OTLP endpoint the spans reach the collector as OTLP/HTTP protobuf")
  void otlpReachesACollector() throws Exception {
    List<String> received = new CopyOnWriteArrayList<>();
    collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    collector.createContext(
        "/v1/traces",
        exchange -> {
          ByteArrayOutputStream body = new ByteArrayOutputStream();
          exchange.getRequestBody().transferTo(body);
          received.add(
              exchange.getRequestMethod()
                  + " "
                  + exchange.getRequestHeaders().getFirst("Content-Type")
                  + " "
                  + body.toString(StandardCharsets.ISO_8859_1));
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    collector.start();
    String endpoint = "http://127.0.0.1:" + collector.getAddress().getPort();
    try (ShortleaseServer server =
        start(
            Map.of(
                "OTEL_EXPORTER_OTLP_ENDPOINT", endpoint,
                "OTEL_SERVICE_NAME", "otel-export-test",
                "OTEL_BSP_SCHEDULE_DELAY", "100"))) {
      assertThat(server.tracing().on()).isTrue();
      assertThat(server.injector().getInstance(ChatModelPort.class).toString()).contains("traced(");
      chat(server);
      assertThat(exporterThreadRunning()).isTrue();
      long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (received.stream().noneMatch(r -> r.contains("chat simulated"))
          && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
    }
    String all = String.join("\n", received);
    assertThat(received).isNotEmpty();
    assertThat(received).allMatch(r -> r.startsWith("POST application/x-protobuf "));
    assertThat(all)
        .contains("otel-export-test")
        .contains("POST /v1/chat-messages")
        .contains("chat simulated")
        .contains("connection lease")
        .contains("StartTurnPort.startTurn");
  }

  @Test
  @DisplayName("OTEL_TRACES_EXPORTER=logging writes each span to the log")
  void loggingExporterLogsSpans() {
    List<String> lines = new CopyOnWriteArrayList<>();
    Logger logger = Logger.getLogger("io.opentelemetry.exporter.logging.LoggingSpanExporter");
    Handler handler =
        new Handler() {
          @Override
          public void publish(LogRecord record) {
            lines.add(new java.util.logging.SimpleFormatter().formatMessage(record));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    logger.addHandler(handler);
    try (ShortleaseServer server = start(Map.of("OTEL_TRACES_EXPORTER", "logging"))) {
      chat(server);
    } finally {
      logger.removeHandler(handler);
    }
    assertThat(lines)
        .anyMatch(line -> line.startsWith("'POST /v1/chat-messages' : "))
        .anyMatch(line -> line.startsWith("'chat simulated' : ") && line.contains("CLIENT"));
  }

  @Test
  @DisplayName("a value autoconfigure refuses stops the start with one line naming tracing")
  void badValueStopsTheStart() {
    assertThatThrownBy(
            () ->
                start(
                    Map.of(
                        "OTEL_TRACES_EXPORTER", "otlp",
                        "OTEL_TRACES_SAMPLER", "carrier-pigeon")))
        .isInstanceOf(StartupException.class)
        .hasMessageStartingWith("cannot start: tracing (OTEL_*): ")
        .hasMessageContaining("carrier-pigeon");
  }
}
