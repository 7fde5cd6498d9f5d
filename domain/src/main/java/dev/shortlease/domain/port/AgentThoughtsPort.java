package dev.shortlease.domain.port;

import dev.shortlease.domain.AgentThoughtId;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.TokenUsage;

/** Outbound port: an agent's iterations, each written in its own short transaction. */
public interface AgentThoughtsPort {

  /**
   * Records an iteration's thought and the tool it is about to call ({@code tool} and {@code
   * toolInput} empty when it calls none). Throws {@link dev.shortlease.domain.NotFoundException}
   * when the message is not this owner's.
   */
  AgentThoughtId addThought(
      Owner owner,
      MessageId messageId,
      int position,
      String thought,
      String tool,
      String toolInput,
      TokenUsage usage);

  /** Stores what the tool returned; returns the thought's ID (the seed's update pattern). */
  AgentThoughtId recordObservation(Owner owner, AgentThoughtId thoughtId, String observation);
}
