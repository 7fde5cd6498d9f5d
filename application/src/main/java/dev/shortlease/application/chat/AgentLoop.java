package dev.shortlease.application.chat;

import dev.shortlease.application.agent.Tool;
import dev.shortlease.application.agent.ToolInvocation;
import dev.shortlease.application.port.in.ChatEvent.AgentThoughtEvent;
import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.port.out.FinishReason;
import dev.shortlease.application.port.out.ModelMessage;
import dev.shortlease.application.port.out.ModelReply;
import dev.shortlease.application.port.out.TokenSink;
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
 * Agent-chat: model turns with tool calls, at most {@code maxIterations}. Each iteration is one
 * thought, written in three short transactions of its own — inserted empty before the model is
 * called, given the model's text and chosen tools, given the tools' observation — with no
 * connection held while the model or a tool works. Like Dify, {@code tool} joins the names with
 * {@code ;}, {@code toolInput} and the observation map each name to its value.
 *
 * <p>The events follow Dify's order (api/core/agent/fc_agent_runner.py): the empty thought when the
 * model's first token arrives, then the text, then the thought with its text, tool and input, then
 * with its observation. Dify's web chat appends streamed text to the last thought it received, so a
 * thought announced after its text would glue the final answer to the previous thought.
 */
final class AgentLoop implements AnswerGenerator {
  static final String MAX_ITERATIONS_NOTE =
      "\n\n[The agent reached its limit of %d iterations before a final answer.]";

  private static final System.Logger LOG = System.getLogger(AgentLoop.class.getName());

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
    for (int position = 1; position <= maxIterations; position++) {
      if (progress.stopRequested()) {
        return;
      }
      AgentThoughtId id =
          thoughts.addThought(
              context.owner(), context.turn().messageId(), position, "", "", ToolInput.NONE, null);
      Announced round =
          new Announced(progress, new AgentThoughtEvent(id, position, "", "", null, null));
      int before = progress.textLength();
      ModelReply reply =
          model.chat(ModelRequests.request(context, messages, specs), round, progress.stopSignal());
      progress.endOfReply();
      progress.addUsage(reply.usage());
      if (progress.textLength() == before && !reply.text().isEmpty()) {
        round.accept(reply.text()); // a provider that did not stream
      }
      round.announce(); // a round with tool calls only streams no text
      boolean finalAnswer =
          reply.toolCalls().isEmpty() || reply.finishReason() == FinishReason.STOPPED;
      Iteration step =
          new Iteration(
              id,
              position,
              progress.text().substring(before),
              finalAnswer ? List.of() : reply.toolCalls());
      thoughts.recordThought(
          context.owner(), id, step.thought(), step.toolNames(), step.toolInput(), reply.usage());
      progress.publish(step.event(Map.of()));
      if (finalAnswer) {
        return;
      }
      messages.add(new ModelMessage.Assistant(reply.text(), reply.toolCalls()));
      messages.addAll(runTools(context, progress, step));
    }
    progress.accept(MAX_ITERATIONS_NOTE.formatted(maxIterations));
  }

  /** One iteration's thought and the tool calls it makes. */
  private record Iteration(AgentThoughtId id, int position, String thought, List<ToolCall> calls) {
    String toolNames() {
      return calls.stream().map(ToolCall::name).collect(Collectors.joining(";"));
    }

    /** Each tool's arguments by its name, as the thought records them. */
    ToolInput toolInput() {
      Map<String, Object> input = new LinkedHashMap<>();
      calls.forEach(call -> input.put(call.name(), call.arguments().asRecorded()));
      return new ToolInput(input);
    }

    AgentThoughtEvent event(Map<String, String> observation) {
      return new AgentThoughtEvent(id, position, thought, toolNames(), toolInput(), observation);
    }
  }

  /** Passes the round's tokens on, publishing the round's empty thought before the first one. */
  private static final class Announced implements TokenSink {
    private final RunProgress progress;
    private final AgentThoughtEvent empty;
    private boolean announced;

    Announced(RunProgress progress, AgentThoughtEvent empty) {
      this.progress = progress;
      this.empty = empty;
    }

    @Override
    public void accept(String token) {
      announce();
      progress.accept(token);
    }

    void announce() {
      if (!announced) {
        announced = true;
        progress.publish(empty);
      }
    }
  }

  private List<ModelMessage.ToolResult> runTools(
      ChatContext context, RunProgress progress, Iteration step) {
    List<ModelMessage.ToolResult> results = new ArrayList<>();
    for (ToolCall call : step.calls()) {
      results.add(new ModelMessage.ToolResult(call.id(), call.name(), invoke(context, call)));
    }
    Map<String, String> observation = new LinkedHashMap<>();
    results.forEach(result -> observation.put(result.toolName(), result.text()));
    thoughts.recordObservation(context.owner(), step.id(), observation);
    progress.publish(step.event(observation));
    return results;
  }

  /**
   * A tool's failure becomes its observation, so the model can react and the run goes on. Bad
   * arguments ({@link IllegalArgumentException}, whose message the tool writes for the model) are
   * told as they are; any other failure is stored and shown to the client, so it says only that the
   * tool failed, and what the exception said (it may quote SQL or a host) goes to the log under the
   * message's ID.
   */
  private String invoke(ChatContext context, ToolCall call) {
    Tool tool = tools.get(call.name());
    if (tool == null) {
      return "there is not a tool named " + call.name(); // Dify's words (fc_agent_runner.py)
    }
    try {
      return tool.call(new ToolInvocation(context.owner(), call.arguments()));
    } catch (IllegalArgumentException e) {
      return "error: " + e.getMessage();
    } catch (RuntimeException e) {
      LOG.log(
          System.Logger.Level.WARNING,
          "message " + context.turn().messageId() + ": tool " + call.name() + " failed",
          e);
      return "error: the tool " + call.name() + " failed";
    }
  }
}
