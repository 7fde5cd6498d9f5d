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
   * shape). Throws {@link dev.shortlease.domain.NotFoundException} when the message is not this
   * owner's.
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
   * Stores what each tool returned, by tool name; returns the thought's ID (insert first, update
   * when the tools are done).
   */
  AgentThoughtId recordObservation(
      Owner owner, AgentThoughtId thoughtId, Map<String, String> observation);
}
