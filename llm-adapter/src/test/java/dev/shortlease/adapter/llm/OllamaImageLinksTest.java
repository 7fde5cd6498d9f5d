package dev.shortlease.adapter.llm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.shortlease.adapter.llm.wire.FakeLlmServer;
import dev.shortlease.adapter.llm.wire.OllamaWire;
import dev.shortlease.application.port.out.ModelImage;
import dev.shortlease.application.port.out.ModelMessage;
import dev.shortlease.application.port.out.ModelRequest;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.domain.ModelSettings;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * An image URL comes from the client ({@code remote_url} files). LangChain4j's Ollama model would
 * download it in this process before calling Ollama, so a client could make the service fetch any
 * address it reaches: an image link is never given to it.
 */
@DisplayName("Ollama provider: a client's image URL is never fetched by the service")
class OllamaImageLinksTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final FakeLlmServer ollama = new FakeLlmServer();
  private HttpServer internal;

  @AfterEach
  void stop() {
    ollama.close();
    if (internal != null) {
      internal.stop(0);
    }
  }

  @Test
  @DisplayName("the URL is not requested; inline images still reach the model")
  void imageLinksAreNotFetched() throws Exception {
    AtomicInteger fetched = new AtomicInteger();
    internal = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    internal.createContext(
        "/",
        exchange -> {
          fetched.incrementAndGet();
          byte[] body = {(byte) 0x89, 'P', 'N', 'G'};
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    internal.start();
    URI secret =
        URI.create("http://127.0.0.1:" + internal.getAddress().getPort() + "/metadata/secret.png");
    byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
    ollama.enqueue(OllamaWire.text(List.of("A", " cat"), 9));
    LangChain4jChatModel model =
        LangChain4jChatModel.fromSettings(
                new LlmSettings(
                    "ollama",
                    ollama.baseUrl(),
                    "",
                    "llava",
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(5),
                    0,
                    1,
                    1))
            .withVision(true);

    model.chat(
        new ModelRequest(
            ModelSettings.DEFAULT,
            List.of(
                new ModelMessage.User(
                    "What is this?",
                    List.of(new ModelImage.Link(secret), new ModelImage.Inline("image/png", png)))),
            List.of()),
        token -> {},
        StopSignal.never());

    assertThat(fetched.get()).as("requests the service made to the client's URL").isZero();
    JsonNode message = JSON.readTree(ollama.requests().getLast().body()).path("messages").get(0);
    assertThat(message.path("content").asText()).isEqualTo("What is this?");
    assertThat(message.path("images")).hasSize(1);
    assertThat(message.path("images").get(0).asText())
        .isEqualTo(Base64.getEncoder().encodeToString(png));
  }
}
