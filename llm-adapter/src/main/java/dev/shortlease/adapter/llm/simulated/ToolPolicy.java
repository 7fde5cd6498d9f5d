package dev.shortlease.adapter.llm.simulated;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Simulated provider: which offered tool the simulated model calls, and with what arguments. In
 * order: a tool whose full name appears in the user's text (longest name first); else a tool with a
 * name part of four letters or more that the user's text contains as a word ("time" in {@code
 * current_time}, "stats" in {@code get_stats}); else, when the text says "tool", the first tool
 * offered. No match means a plain answer.
 */
final class ToolPolicy {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MIN_TRIGGER_LENGTH = 4;

  private ToolPolicy() {}

  static Optional<ToolSpecification> choose(List<ToolSpecification> tools, String userText) {
    String text = userText.toLowerCase(Locale.ROOT);
    Set<String> userWords = wordsOf(text);
    Optional<ToolSpecification> byName =
        tools.stream()
            .filter(tool -> text.contains(tool.name().toLowerCase(Locale.ROOT)))
            .max(Comparator.comparingInt(tool -> tool.name().length()));
    if (byName.isPresent()) {
      return byName;
    }
    Optional<ToolSpecification> byPart =
        tools.stream()
            .filter(
                tool ->
                    wordsOf(tool.name().toLowerCase(Locale.ROOT)).stream()
                        .anyMatch(
                            part ->
                                part.length() >= MIN_TRIGGER_LENGTH && userWords.contains(part)))
            .findFirst();
    if (byPart.isPresent()) {
      return byPart;
    }
    return userWords.contains("tool") ? Optional.of(tools.get(0)) : Optional.empty();
  }

  /**
   * Fills each required parameter: strings get the user's text, numbers 1, booleans true, enums
   * their first value. The call ID depends only on the turn and the tool, so it is deterministic.
   */
  static ToolExecutionRequest callFor(ToolSpecification tool, String userText, int turn) {
    ObjectNode arguments = JSON.createObjectNode();
    JsonObjectSchema parameters = tool.parameters();
    if (parameters != null && parameters.required() != null) {
      for (String name : parameters.required()) {
        JsonSchemaElement type = parameters.properties().get(name);
        switch (type) {
          case JsonStringSchema s -> arguments.put(name, userText);
          case JsonIntegerSchema i -> arguments.put(name, 1);
          case JsonNumberSchema n -> arguments.put(name, 1);
          case JsonBooleanSchema b -> arguments.put(name, true);
          case JsonEnumSchema e when !e.enumValues().isEmpty() ->
              arguments.put(name, e.enumValues().get(0));
          case null, default -> {}
        }
      }
    }
    return ToolExecutionRequest.builder()
        .id("call_" + turn + "_" + tool.name())
        .name(tool.name())
        .arguments(arguments.toString())
        .build();
  }

  private static Set<String> wordsOf(String text) {
    return Arrays.stream(text.split("[^\\p{L}\\p{N}]+"))
        .filter(word -> !word.isEmpty())
        .collect(Collectors.toSet());
  }
}
