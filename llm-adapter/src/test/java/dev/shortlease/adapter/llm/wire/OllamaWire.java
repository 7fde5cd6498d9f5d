package dev.shortlease.adapter.llm.wire;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortlease.adapter.llm.wire.FakeLlmServer.Ending;
import dev.shortlease.adapter.llm.wire.FakeLlmServer.Reply;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Test support: Ollama {@code /api/chat} streaming responses (one JSON object per line). */
public final class OllamaWire {
  public static final String CONTENT_TYPE = "application/x-ndjson";
  private static final ObjectMapper JSON = new ObjectMapper();

  private OllamaWire() {}

  /** A streamed text answer and the final line with the token counts. */
  public static Reply text(List<String> tokens, int promptTokens) {
    List<String> lines = new ArrayList<>();
    tokens.forEach(token -> lines.add(line(message(token), false) + "\n"));
    ObjectNode last = line(message(""), true);
    last.put("done_reason", "stop")
        .put("prompt_eval_count", promptTokens)
        .put("eval_count", tokens.size());
    lines.add(last + "\n");
    return stream(lines);
  }

  /** A tool call (Ollama sends it whole, with arguments as a JSON object) and the final line. */
  public static Reply toolCall(String name, String argumentsJson) {
    ObjectNode message = message("");
    ObjectNode function = JSON.createObjectNode().put("name", name);
    try {
      function.set("arguments", JSON.readTree(argumentsJson));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    message.set(
        "tool_calls",
        JSON.createArrayNode().add(JSON.createObjectNode().set("function", function)));
    ObjectNode last = line(message(""), true);
    last.put("done_reason", "stop").put("prompt_eval_count", 12).put("eval_count", 9);
    return stream(List.of(line(message, false) + "\n", last + "\n"));
  }

  /** Tokens, then a line that is not JSON. */
  public static Reply malformedAfter(List<String> tokens) {
    List<String> lines = new ArrayList<>();
    tokens.forEach(token -> lines.add(line(message(token), false) + "\n"));
    lines.add("{\"message\": this is not json\n");
    return stream(lines);
  }

  /** Tokens only, without the final {@code done} line: for cut or hanging connections. */
  public static Reply tokensOnly(List<String> tokens) {
    return stream(tokens.stream().map(token -> line(message(token), false) + "\n").toList());
  }

  public static String errorBody(String message) {
    return JSON.createObjectNode().put("error", message).toString();
  }

  private static Reply stream(List<String> lines) {
    return new Reply(200, CONTENT_TYPE, lines, Duration.ZERO, Ending.COMPLETE);
  }

  private static ObjectNode message(String content) {
    return JSON.createObjectNode().put("role", "assistant").put("content", content);
  }

  private static ObjectNode line(ObjectNode message, boolean done) {
    ObjectNode line =
        JSON.createObjectNode()
            .put("model", "fake-model")
            .put("created_at", "2026-01-01T00:00:00Z");
    line.set("message", message);
    line.put("done", done);
    return line;
  }
}
