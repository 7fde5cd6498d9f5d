package dev.shortlease.adapter.llm.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortlease.adapter.llm.wire.FakeLlmServer.Ending;
import dev.shortlease.adapter.llm.wire.FakeLlmServer.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Test support: OpenAI chat-completions streaming responses (SSE {@code data:} chunks). */
public final class OpenAiWire {
  public static final String CONTENT_TYPE = "text/event-stream";
  private static final ObjectMapper JSON = new ObjectMapper();

  private OpenAiWire() {}

  /** A streamed text answer: role chunk, one chunk per token, finish, usage, [DONE]. */
  public static Reply text(List<String> tokens, int promptTokens) {
    List<String> events = new ArrayList<>();
    events.add(chunk(delta().put("role", "assistant").put("content", ""), null));
    tokens.forEach(token -> events.add(chunk(delta().put("content", token), null)));
    events.add(chunk(delta(), "stop"));
    events.add(usage(promptTokens, tokens.size()));
    events.add(done());
    return stream(events);
  }

  /** A streamed tool call, its arguments split over several deltas as OpenAI does. */
  /** {@code value} as JSON text, e.g. a tool call's arguments. */
  public static String json(Object value) {
    try {
      return JSON.writeValueAsString(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }

  public static Reply toolCall(String id, String name, List<String> argumentPieces) {
    List<String> events = new ArrayList<>();
    ObjectNode first = delta().put("role", "assistant");
    first.putNull("content");
    ObjectNode call = toolCallDelta();
    call.put("id", id).put("type", "function");
    ((ObjectNode) call.get("function")).put("name", name).put("arguments", "");
    first.set("tool_calls", JSON.createArrayNode().add(call));
    events.add(chunk(first, null));
    for (String piece : argumentPieces) {
      ObjectNode next = toolCallDelta();
      ((ObjectNode) next.get("function")).put("arguments", piece);
      events.add(chunk(delta().set("tool_calls", JSON.createArrayNode().add(next)), null));
    }
    events.add(chunk(delta(), "tool_calls"));
    events.add(usage(12, 9));
    events.add(done());
    return stream(events);
  }

  /** Tokens, then a chunk that is not JSON. */
  public static Reply malformedAfter(List<String> tokens) {
    List<String> events = new ArrayList<>();
    tokens.forEach(token -> events.add(chunk(delta().put("content", token), null)));
    events.add("data: {\"choices\": [ this is not json\n\n");
    return stream(events);
  }

  /** Tokens only, with no finish, usage or [DONE]: for cut or hanging connections. */
  public static Reply tokensOnly(List<String> tokens) {
    List<String> events = new ArrayList<>();
    tokens.forEach(token -> events.add(chunk(delta().put("content", token), null)));
    return stream(events);
  }

  public static String errorBody(String type, String code, String message) {
    ObjectNode error = JSON.createObjectNode();
    error.putObject("error").put("message", message).put("type", type).put("code", code);
    return error.toString();
  }

  private static Reply stream(List<String> events) {
    return new Reply(200, CONTENT_TYPE, events, Duration.ZERO, Ending.COMPLETE);
  }

  private static ObjectNode delta() {
    return JSON.createObjectNode();
  }

  private static ObjectNode toolCallDelta() {
    ObjectNode call = JSON.createObjectNode().put("index", 0);
    call.putObject("function");
    return call;
  }

  private static String chunk(ObjectNode delta, String finishReason) {
    ObjectNode chunk = header();
    ObjectNode choice = JSON.createObjectNode().put("index", 0);
    choice.set("delta", delta);
    if (finishReason == null) {
      choice.putNull("finish_reason");
    } else {
      choice.put("finish_reason", finishReason);
    }
    chunk.set("choices", JSON.createArrayNode().add(choice));
    return "data: " + chunk + "\n\n";
  }

  private static String usage(int prompt, int completion) {
    ObjectNode chunk = header();
    chunk.set("choices", JSON.createArrayNode());
    chunk
        .putObject("usage")
        .put("prompt_tokens", prompt)
        .put("completion_tokens", completion)
        .put("total_tokens", prompt + completion);
    return "data: " + chunk + "\n\n";
  }

  private static ObjectNode header() {
    return JSON.createObjectNode()
        .put("id", "chatcmpl-fake")
        .put("object", "chat.completion.chunk")
        .put("created", 1_700_000_000)
        .put("model", "fake-model");
  }

  private static String done() {
    return "data: [DONE]\n\n";
  }
}
