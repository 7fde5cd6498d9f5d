package dev.shortlease.benchmark.springosiv;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.json.JsonMapper;

/**
 * The same endpoint streamed as a {@code StreamingResponseBody} that writes the events' {@code
 * data:} lines itself. Spring MVC runs the body as a {@code Callable}, and open-session-in-view
 * binds the request's {@code EntityManager} to that thread, so the final save uses the connection
 * the request already holds. The {@code spring-osiv-body} mode ({@code peer.response=body}).
 */
@RestController
@ConditionalOnProperty(name = "peer.response", havingValue = "body")
public class StreamingBodyChatController {

  private static final byte[] EVENT_START = "data:".getBytes(StandardCharsets.UTF_8);
  private static final byte[] EVENT_END = "\n\n".getBytes(StandardCharsets.UTF_8);

  private final ChatRelay relay;
  private final JsonMapper json;

  public StreamingBodyChatController(ChatRelay relay, JsonMapper json) {
    this.relay = relay;
    this.json = json;
  }

  @PostMapping("/v1/chat-messages")
  public ResponseEntity<StreamingResponseBody> chat(
      @RequestHeader(name = "Authorization", required = false) String authorization,
      @RequestBody ChatRequest request) {
    long started = System.nanoTime();
    ChatEvents events = relay.start(authorization, request);
    StreamingResponseBody body =
        out -> relay.relay(events, request.query(), started, event -> write(out, event));
    return ResponseEntity.ok().contentType(MediaType.TEXT_EVENT_STREAM).body(body);
  }

  private void write(OutputStream out, Object event) throws java.io.IOException {
    out.write(EVENT_START);
    out.write(json.writeValueAsBytes(event));
    out.write(EVENT_END);
    out.flush();
  }
}
