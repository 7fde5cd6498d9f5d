package dev.shortlease.bootstrap;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * What Dify's web chat (web/app/components/base/chat/chat/hooks.ts, copied by most clones) shows of
 * an agent stream: a thought with the last thought's ID replaces it but keeps the text shown so
 * far, another is appended, and {@code agent_message} text is appended to the last thought.
 */
final class WebChatThoughts {
  private WebChatThoughts() {}

  /** The thoughts' texts as the web chat ends up showing them. */
  static List<String> render(List<JsonNode> events) {
    List<String> ids = new ArrayList<>();
    List<String> texts = new ArrayList<>();
    for (JsonNode e : events) {
      switch (e.get("event").asText()) {
        case "agent_thought" -> {
          String id = e.get("id").asText();
          if (ids.isEmpty() || !ids.getLast().equals(id)) {
            ids.add(id);
            texts.add(e.get("thought").asText());
          }
        }
        case "agent_message" -> {
          if (!texts.isEmpty()) {
            texts.set(texts.size() - 1, texts.getLast() + e.get("answer").asText());
          }
        }
        default -> {}
      }
    }
    return texts;
  }
}
