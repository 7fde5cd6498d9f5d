package dev.shortlease.application.port.in;

import dev.shortlease.application.port.out.RecentActivity;

/** Use case (operations): what the instance did lately, for the live page ({@code /dashboard}). */
public interface InspectActivityUseCase {

  /** Samples, lease-time buckets and the last {@code maxChats} chats (1..100). */
  RecentActivity recent(int maxChats);
}
