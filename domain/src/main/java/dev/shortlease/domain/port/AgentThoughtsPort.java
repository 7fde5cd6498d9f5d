package dev.shortlease.domain.port;

import dev.shortlease.domain.AgentThoughtId;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.TokenUsage;
import dev.shortlease.domain.ToolInput;
import java.util.Map;

/** Outbound port: an agent's iterations, each written in its own short transaction. */
public interface AgentThoughtsPort {

  /**
   * Records an iteration's thought and the tools it is about to call ({@code tool} and {@code
   * toolInput} empty when it calls none; see {@link dev.shortlease.domain.AgentThought} for their
   * shape). The agent inserts each iteration empty before the model is called, as Dify does. Throws
   * {@link dev.shortlease.domain.NotFoundException} when the message is not this owner's.
   */
  AgentThoughtId addThought(
      Owner owner,
      MessageId messageId,
      int position,
      String thought,
      String tool,
      ToolInput toolInput,
      TokenUsage usage);

  /**
   * Records what the model said in an iteration started with an empty {@link #addThought}, and the
   * tools it is about to call (shaped as there); returns the thought's ID. Throws {@link
   * dev.shortlease.domain.NotFoundException} when the thought is not this owner's.
   */
  AgentThoughtId recordThought(
      Owner owner,
      AgentThoughtId thoughtId,
      String thought,
      String tool,
      ToolInput toolInput,
      TokenUsage usage);

  /**
   * Stores what each tool returned, by tool name; returns the thought's ID (insert first, then the
   * model's part, then this when the tools are done).
   */
  AgentThoughtId recordObservation(
      Owner owner, AgentThoughtId thoughtId, Map<String, String> observation);
}
