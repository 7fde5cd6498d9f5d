package dev.shortlease.application.agent;

import dev.shortlease.application.port.in.DescribeToolsUseCase;
import dev.shortlease.application.port.in.ToolIcon;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppMode;
import jakarta.inject.Inject;
import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Use case: the icons of the tools an agent app may call; other modes call none. */
public final class DescribeToolsService implements DescribeToolsUseCase {
  private final Map<String, ToolIcon> agentTools;

  @Inject
  public DescribeToolsService(Set<Tool> tools) {
    Map<String, ToolIcon> icons = new TreeMap<>();
    tools.forEach(tool -> icons.put(tool.name(), tool.icon()));
    this.agentTools = Collections.unmodifiableMap(icons);
  }

  @Override
  public Map<String, ToolIcon> toolIcons(App app) {
    return app.mode() == AppMode.AGENT_CHAT ? agentTools : Map.of();
  }
}
