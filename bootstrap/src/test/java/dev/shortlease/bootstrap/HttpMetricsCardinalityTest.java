package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * {@code shortlease_http_responses_total} is open to every client's requests, so none of its labels
 * may take a value the client makes up: one series per made-up method would grow the registry (and
 * every scrape) without bound, a memory exhaustion any anonymous client can cause.
 */
class HttpMetricsCardinalityTest {
  private ShortleaseServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Test
  @DisplayName("made-up HTTP methods share one series, OTHER, whatever their number")
  void madeUpMethodsShareOneSeries() throws Exception {
    server = TestServers.simulated(Map.of());
    int made = 50;
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      OutputStream out = socket.getOutputStream();
      BufferedReader in =
          new BufferedReader(
              new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      for (int i = 0; i < made; i++) {
        out.write(
            ("MADEUP" + i + " /v1/info HTTP/1.1\r\nHost: test\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        int length = 0;
        String line = in.readLine();
        assertThat(line).startsWith("HTTP/1.1 4");
        while (!(line = in.readLine()).isEmpty()) {
          if (line.regionMatches(true, 0, "Content-Length:", 0, 15)) {
            length = Integer.parseInt(line.substring(15).strip());
          }
        }
        for (long left = length; left > 0; ) {
          left -= in.skip(left); // ISO-8859-1: one char per byte
        }
      }
    }
    String scrape = new Api(server).get("/metrics", null).text();
    var series =
        Arrays.stream(scrape.split("\n"))
            .filter(line -> line.startsWith("shortlease_http_responses_total{"))
            .toList();
    assertThat(series).noneMatch(line -> line.contains("MADEUP"));
    assertThat(series)
        .filteredOn(line -> line.contains("method=\"OTHER\""))
        .singleElement()
        .satisfies(line -> assertThat(line).endsWith(" " + made + ".0"));
  }
}
