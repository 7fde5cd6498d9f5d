package dev.shortlease.application.port.out;

/**
 * Outbound port: the instance's recent activity, kept in memory by whoever watches the pool and the
 * model (the composition root), read by the live page.
 */
public interface ActivityMonitorPort {

  /** The last {@code maxChats} chats that called the model, oldest first, and the rest. */
  RecentActivity recent(int maxChats);
}
