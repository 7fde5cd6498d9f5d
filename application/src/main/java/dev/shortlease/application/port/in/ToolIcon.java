package dev.shortlease.application.port.in;

import java.util.Objects;

/**
 * How a client draws a tool in an agent's thoughts: an emoji on a background colour, Dify's {@code
 * tool_icons} entry form.
 *
 * @param background a CSS colour, e.g. {@code #E0F2FE}
 * @param content the emoji
 */
public record ToolIcon(String background, String content) {
  public ToolIcon {
    Objects.requireNonNull(background, "background");
    Objects.requireNonNull(content, "content");
  }
}
