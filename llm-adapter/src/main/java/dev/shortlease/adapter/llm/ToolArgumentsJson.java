package dev.shortlease.adapter.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortlease.application.port.out.ToolArguments;
import java.util.Map;

/**
 * LLM adapter internals: a tool call's argument text, as providers send it, to the structured
 * {@link ToolArguments} the application reads, and back for replaying the call (Jackson, so
 * escapes, numbers and nesting are read as JSON defines them). Text that is not a JSON object is
 * kept as unreadable rather than guessed at.
 */
final class ToolArgumentsJson {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private ToolArgumentsJson() {}

  static ToolArguments parse(String text) {
    if (text == null || text.isBlank()) {
      return ToolArguments.NONE;
    }
    try {
      Map<String, Object> values = JSON.readValue(text, OBJECT);
      return values == null ? ToolArguments.unreadable(text) : ToolArguments.of(values);
    } catch (JsonProcessingException e) {
      return ToolArguments.unreadable(text);
    }
  }

  static String write(ToolArguments arguments) {
    if (!arguments.readable()) {
      return arguments.unreadableText();
    }
    try {
      return JSON.writeValueAsString(arguments.values());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("tool arguments cannot be written as JSON", e);
    }
  }
}
