package dev.shortlease.adapter.web;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Web adapter: an agent thought's {@code tool_labels}, each tool it calls to its label by language.
 * The tools here carry no translated labels, so each gets the form Dify gives a tool its manager
 * has no label for, the name in both languages (api/core/agent/base_agent_runner.py,
 * save_agent_thought).
 */
final class ToolLabels {
  private ToolLabels() {}

  /** {@code tools}: names joined by {@code ;}, as a thought's {@code tool} holds them. */
  static Map<String, Map<String, String>> of(String tools) {
    Map<String, Map<String, String>> labels = new LinkedHashMap<>();
    for (String tool : tools.split(";")) {
      if (!tool.isEmpty()) {
        labels.put(tool, Map.of("en_US", tool, "zh_Hans", tool));
      }
    }
    return labels;
  }
}
