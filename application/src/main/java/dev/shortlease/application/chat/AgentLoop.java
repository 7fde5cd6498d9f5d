package dev.shortlease.application.chat;

import dev.shortlease.application.agent.Tool;
import dev.shortlease.application.agent.ToolInvocation;
import dev.shortlease.application.port.in.ChatEvent.AgentThoughtEvent;
import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.port.out.FinishReason;
import dev.shortlease.application.port.out.ModelMessage;
import dev.shortlease.application.port.out.ModelReply;
import dev.shortlease.application.port.out.ToolCall;
import dev.shortlease.application.port.out.ToolSpec;
import dev.shortlease.domain.AgentThoughtId;
import dev.shortlease.domain.ToolInput;
import dev.shortlease.domain.port.AgentThoughtsPort;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Agent-chat: model turns with tool calls, at most {@code maxIterations}. Each iteration's thought
 * is inserted, and its observation recorded, in short transactions of their own; tools run with no
 * connection held. Like Dify, one thought per iteration: {@code tool} joins the names with {@code
 * ;}, {@code toolInput} and the observation map each name to its value (structured values: the
 * adapters write them as JSON text where they need it).
 */
final class AgentLoop implements AnswerGenerator {
  static final String MAX_ITERATIONS_NOTE =
      "\n\n[The agent reached its limit of %d iterations before a final answer.]";

  private final ChatModelPort model;
  private final AgentThoughtsPort thoughts;
  private final Map<String, Tool> tools = new LinkedHashMap<>();
  private final int maxIterations;

  AgentLoop(ChatModelPort model, AgentThoughtsPort thoughts, List<Tool> tools, int maxIterations) {
    this.model = model;
    this.thoughts = thoughts;
    tools.forEach(tool -> this.tools.put(tool.name(), tool));
    this.maxIterations = maxIterations;
  }

  @Override
  public void generate(ChatContext context, RunProgress progress) {
    List<ModelMessage> messages = new ArrayList<>(ModelRequests.conversation(context));
    List<ToolSpec> specs = tools.values().stream().map(Tool::spec).toList();
    for (int iteration = 1; iteration <= maxIterations; iteration++) {
      if (progress.stopRequested()) {
        return;
      }
      int before = progress.textLength();
      ModelReply reply =
          model.chat(
              ModelRequests.request(context, messages, specs), progress, progress.stopSignal());
      progress.addUsage(reply.usage());
      if (progress.textLength() == before && !reply.text().isEmpty()) {
        progress.accept(reply.text()); // a provider that did not stream
      }
      String thought = progress.text().substring(before);
      boolean finalAnswer =
          reply.toolCalls().isEmpty() || reply.finishReason() == FinishReason.STOPPED;
      if (finalAnswer && thought.isBlank()) {
        return;
      }
      Iteration step =
          new Iteration(iteration, thought, finalAnswer ? List.of() : reply.toolCalls());
      AgentThoughtId id = insertThought(context, progress, step, reply);
      if (finalAnswer) {
        return;
      }
      messages.add(new ModelMessage.Assistant(reply.text(), reply.toolCalls()));
      messages.addAll(runTools(context, progress, step, id));
    }
    progress.accept(MAX_ITERATIONS_NOTE.formatted(maxIterations));
  }

  /** One iteration's thought and the tool calls it makes. */
  private record Iteration(int position, String thought, List<ToolCall> calls) {
    String toolNames() {
      return calls.stream().map(ToolCall::name).collect(Collectors.joining(";"));
    }

    /** Each tool's arguments by its name, as the thought records them. */
    ToolInput toolInput() {
      Map<String, Object> input = new LinkedHashMap<>();
      calls.forEach(call -> input.put(call.name(), call.arguments().asRecorded()));
      return new ToolInput(input);
    }
  }

  private AgentThoughtId insertThought(
      ChatContext context, RunProgress progress, Iteration step, ModelReply reply) {
    AgentThoughtId id =
        thoughts.addThought(
            context.owner(),
            context.turn().messageId(),
            step.position(),
            step.thought(),
            step.toolNames(),
            step.toolInput(),
            reply.usage());
    progress.publish(
        new AgentThoughtEvent(
            id, step.position(), step.thought(), step.toolNames(), step.toolInput(), Map.of()));
    return id;
  }

  private List<ModelMessage.ToolResult> runTools(
      ChatContext context, RunProgress progress, Iteration step, AgentThoughtId id) {
    List<ModelMessage.ToolResult> results = new ArrayList<>();
    for (ToolCall call : step.calls()) {
      results.add(new ModelMessage.ToolResult(call.id(), call.name(), invoke(context, call)));
    }
    Map<String, String> observation = new LinkedHashMap<>();
    results.forEach(result -> observation.put(result.toolName(), result.text()));
    thoughts.recordObservation(context.owner(), id, observation);
    progress.publish(
        new AgentThoughtEvent(
            id, step.position(), step.thought(), step.toolNames(), step.toolInput(), observation));
    return results;
  }

  /** A tool's failure becomes its observation, so the model can react; the run goes on. */
  private String invoke(ChatContext context, ToolCall call) {
    Tool tool = tools.get(call.name());
    if (tool == null) {
      return "error: unknown tool " + call.name();
    }
    try {
      return tool.call(new ToolInvocation(context.owner(), call.arguments()));
    } catch (RuntimeException e) {
      return "error: " + e.getMessage();
    }
  }
}
