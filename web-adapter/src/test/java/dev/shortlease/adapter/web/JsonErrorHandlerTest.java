package dev.shortlease.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Requests Jetty refuses before any handler runs, answered by {@link JsonErrorHandler}. */
class JsonErrorHandlerTest {
  @RegisterExtension final StubApi api = new StubApi();

  @ParameterizedTest(name = "{0} with a control character in a header gets Dify's JSON error")
  @ValueSource(strings = {"GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
  void everyMethodGetsTheJsonBody(String method) throws Exception {
    String answer =
        exchange(method + " /v1/conversations/x HTTP/1.1\r\nHost: x\r\nX-Bad: a\u0001b\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 400").contains("Content-Type: application/json");
    JsonNode body = Json.MAPPER.readTree(answer.substring(answer.indexOf("\r\n\r\n") + 4));
    assertThat(body.get("status").asInt()).isEqualTo(400);
    assertThat(body.get("code").asText()).isEqualTo("bad_request");
  }

  @Test
  @DisplayName(
      "a malformed URI's answer says the connection closes, so a pooled client does not reuse it")
  void saysTheConnectionCloses() throws Exception {
    String answer =
        exchange("GET /v1/%zz HTTP/1.1\r\nHost: x\r\n\r\nGET /v1/meta HTTP/1.1\r\nHost: x\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 400").contains("\r\nConnection: close\r\n");
    assertThat(answer.split("HTTP/1.1 ", -1)).as("the second request is not answered").hasSize(2);
  }

  private String exchange(String request) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", api.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
