package dev.shortlease.application.port.in;

import dev.shortlease.domain.App;
import java.util.Map;

/** Use case: the tools an app may call, by name, with their icons ({@code /v1/meta}). */
public interface DescribeToolsUseCase {

  /** The icons of the tools {@code app} uses, by tool name; empty for apps that call no tools. */
  Map<String, ToolIcon> toolIcons(App app);
}
