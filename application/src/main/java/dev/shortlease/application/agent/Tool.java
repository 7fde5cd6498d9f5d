package dev.shortlease.application.agent;

import dev.shortlease.application.port.out.LongCall;
import dev.shortlease.application.port.out.ToolSpec;
import java.util.Map;

/**
 * A tool an agent may call. {@link #call} runs on the runner's thread with no connection held; a
 * tool that needs the database uses a persistence port, whose every method is its own short
 * transaction, and never keeps a session across a remote call of its own. A {@link LongCall}: a
 * tool may wait on a remote service, so the composition root guards every bound tool.
 */
@LongCall
public interface Tool {

  /** The name the model calls it by: letters, digits and underscores. */
  String name();

  /** What it does, for the model. */
  String description();

  /**
   * The arguments it takes, described in JSON Schema's vocabulary as structured values (a map with
   * {@code type}, {@code properties}, …; see {@link ToolSpec#parameters()}).
   */
  Map<String, Object> parameters();

  /**
   * Runs the tool and returns its observation for the model. For bad arguments throw {@link
   * IllegalArgumentException} with a message written for the model: it becomes the observation (the
   * run goes on). Any other exception is observed as "the tool failed", its text logged only.
   */
  String call(ToolInvocation invocation);

  default ToolSpec spec() {
    return new ToolSpec(name(), description(), parameters());
  }
}
