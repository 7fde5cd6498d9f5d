package dev.shortlease.benchmark.springosiv;

import java.io.IOException;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.task.TaskExecutor;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code POST /v1/chat-messages}, streaming, the way Spring's guides stream server-sent events: the
 * app from its key, the running message saved, then an {@code SseEmitter} fed from a task on
 * Spring's (virtual-thread) task executor ({@link ChatRelay}). The {@code spring-osiv} mode.
 */
@RestController
@ConditionalOnProperty(name = "peer.response", havingValue = "emitter", matchIfMissing = true)
public class ChatController {

  private final ChatRelay relay;
  private final TaskExecutor taskExecutor;

  public ChatController(
      ChatRelay relay, @Qualifier("applicationTaskExecutor") TaskExecutor taskExecutor) {
    this.relay = relay;
    this.taskExecutor = taskExecutor;
  }

  @PostMapping("/v1/chat-messages")
  public SseEmitter chat(
      @RequestHeader(name = "Authorization", required = false) String authorization,
      @RequestBody ChatRequest request) {
    long started = System.nanoTime();
    ChatEvents events = relay.start(authorization, request);
    SseEmitter emitter = new SseEmitter();
    taskExecutor.execute(
        () -> {
          try {
            relay.relay(
                events,
                request.query(),
                started,
                event -> emitter.send(SseEmitter.event().data(event)));
            emitter.complete();
          } catch (IOException | RuntimeException clientGone) {
            emitter.completeWithError(clientGone);
          }
        });
    return emitter;
  }
}
