package dev.shortlease.domain.port;

import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.MessageOutcome;
import dev.shortlease.domain.Owner;
import java.time.Duration;

/** Outbound port for T4: the one write that ends a message (rule R5). */
public interface FinishMessagePort {

  /**
   * Moves a running message to {@code outcome}'s terminal state with its answer, usage and latency,
   * and touches the conversation's {@code updatedAt}. Safe against concurrent finishers: exactly
   * one call wins and returns true; later calls (message already terminal) change nothing and
   * return false. A message that recovery ended (an {@code error} beginning with {@link
   * MessageOutcome#ABANDONED_PREFIX}) counts as still running here: the run's own outcome replaces
   * recovery's presumption.
   */
  boolean finishMessage(Owner owner, MessageId messageId, MessageOutcome outcome);

  /**
   * Ends messages still running that started more than {@code olderThan} ago (left by a crashed
   * process) as {@code error} with {@code error} as text, keeping their partial answer; a message
   * whose instance still holds a live lease ({@link InstanceLeasePort}) is spared, however old. The
   * age is measured on the store's clock — the one that stamped the messages — never the caller's,
   * so instances whose clocks differ agree on what is old. Returns how many were ended.
   */
  int failAbandoned(Duration olderThan, String error);
}
