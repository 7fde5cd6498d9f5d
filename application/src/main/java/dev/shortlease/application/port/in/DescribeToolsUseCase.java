package dev.shortlease.application.port.in;

import dev.shortlease.domain.App;
import java.util.List;

/** Use case: the tools an app may call, by name ({@code /v1/meta} draws them). */
public interface DescribeToolsUseCase {

  /** The names of the tools {@code app} may call, sorted; empty for apps that call no tools. */
  List<String> toolNames(App app);
}
