package dev.shortlease.application.agent;

import dev.shortlease.application.port.out.ToolSpec;

/**
 * A tool an agent may call. {@link #call} runs on the runner's thread with no connection held; a
 * tool that needs the database uses a persistence port, whose every method is its own short
 * transaction, and never keeps a session across a remote call of its own.
 */
public interface Tool {

  /** The name the model calls it by: letters, digits and underscores. */
  String name();

  /** What it does, for the model. */
  String description();

  /** A JSON Schema object, as text, describing the arguments. */
  String parametersJsonSchema();

  /**
   * Runs the tool and returns its observation for the model. A thrown exception is reported to the
   * model as the observation (the run goes on), so throw for bad arguments.
   */
  String call(ToolInvocation invocation);

  default ToolSpec spec() {
    return new ToolSpec(name(), description(), parametersJsonSchema());
  }
}
