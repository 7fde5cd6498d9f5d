package dev.shortlease.adapter.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Web adapter: how a Dify client draws each tool in {@code /v1/meta}'s {@code tool_icons}, an emoji
 * on a CSS background colour. Presentation only, so it lives here and not with the tools; a tool
 * without an entry gets the wrench.
 */
final class ToolIcons {
  static final Map<String, String> WRENCH = icon("#E5E7EB", "\uD83D\uDD27");

  private static final Map<String, Map<String, String>> KNOWN =
      Map.of(
          "current_time", icon("#E0F2FE", "\uD83D\uDD52"),
          "conversation_stats", icon("#FEF3C7", "\uD83D\uDCCA"));

  private ToolIcons() {}

  /** {@code tool_icons}: each name to its icon, in the order given. */
  static Map<String, Map<String, String>> of(List<String> toolNames) {
    Map<String, Map<String, String>> icons = new LinkedHashMap<>();
    toolNames.forEach(name -> icons.put(name, KNOWN.getOrDefault(name, WRENCH)));
    return icons;
  }

  private static Map<String, String> icon(String background, String content) {
    Map<String, String> icon = new LinkedHashMap<>();
    icon.put("background", background);
    icon.put("content", content);
    return icon;
  }
}
