package dev.shortlease.application.agent;

import dev.shortlease.domain.port.ConversationsPort;
import dev.shortlease.domain.port.OwnerStats;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Demo tool {@code conversation_stats}: reads the database through {@link ConversationsPort} (one
 * short transaction of its own) to tell the user how many conversations, messages and tokens they
 * have. Only the calling owner's data is counted (rule R4).
 */
public final class ConversationStatsTool implements Tool {
  private final ConversationsPort conversations;

  @Inject
  public ConversationStatsTool(ConversationsPort conversations) {
    this.conversations = conversations;
  }

  @Override
  public String name() {
    return "conversation_stats";
  }

  @Override
  public String description() {
    return "Counts the user's conversations, messages and tokens used so far.";
  }

  @Override
  public Map<String, Object> parameters() {
    return Map.of("type", "object", "properties", Map.of());
  }

  @Override
  public String call(ToolInvocation invocation) {
    OwnerStats stats = conversations.statsFor(invocation.owner());
    return "{\"conversations\":%d,\"messages\":%d,\"total_tokens\":%d}"
        .formatted(stats.conversations(), stats.messages(), stats.totalTokens());
  }
}
