package dev.shortlease.domain;

import java.util.Map;

/**
 * What an agent iteration passed to its tools: each called tool's name to its arguments, as {@link
 * StructuredValues}, or to the text the model sent when that was not an object. Adapters turn it
 * into JSON text where they need text (storage, the wire).
 *
 * @param byTool tool name to arguments, in call order; a later call of the same tool replaces the
 *     earlier, as in Dify's own record of a thought
 */
public record ToolInput(Map<String, Object> byTool) {
  public static final ToolInput NONE = new ToolInput(Map.of());

  public ToolInput {
    byTool = StructuredValues.freeze(byTool);
  }

  public boolean isEmpty() {
    return byTool.isEmpty();
  }
}
