package dev.shortlease.application.agent;

import dev.shortlease.application.port.in.DescribeToolsUseCase;
import dev.shortlease.domain.App;
import dev.shortlease.domain.AppMode;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;

/** Use case: the names of the tools an agent app may call; other modes call none. */
public final class DescribeToolsService implements DescribeToolsUseCase {
  private final List<String> agentTools;

  @Inject
  public DescribeToolsService(Set<Tool> tools) {
    this.agentTools = tools.stream().map(Tool::name).sorted().toList();
  }

  @Override
  public List<String> toolNames(App app) {
    return app.mode() == AppMode.AGENT_CHAT ? agentTools : List.of();
  }
}
