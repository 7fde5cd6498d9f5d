package dev.shortlease.domain.port;

import dev.shortlease.domain.MessageId;
import java.time.Duration;
import java.util.Set;

/**
 * Outbound port: which service instances sharing the database are alive. Each instance renews a
 * lease on its own row; messages are stamped with the instance that runs them, so when a lease runs
 * out (the instance crashed, or lost the database for longer than the lease) any other instance can
 * end its running messages. Every time comparison uses the database's clock, so instances with
 * skewed clocks agree.
 */
public interface InstanceLeasePort {

  /** Extends this instance's lease to {@code lease} from now (database time), creating it. */
  void renew(Duration lease);

  /**
   * Ends as {@code error}, keeping their partial answers, the running messages of every other
   * instance whose lease has run out; returns how many. {@code error} should start with {@link
   * dev.shortlease.domain.MessageOutcome#ABANDONED_PREFIX}, so that the run's own final save,
   * should it still arrive, replaces this presumption.
   */
  int failRunsOfDeadInstances(String error);

  /**
   * Ends as {@code error} this instance's own running messages that started more than {@code
   * olderThan} ago (database time) and are not in {@code running}, the messages it has runs for: a
   * start whose commit landed but whose reply was lost (the database cut mid-start) left its
   * message with no run, and a live lease spares it from every other rule. Returns how many. {@code
   * error} should start with {@link dev.shortlease.domain.MessageOutcome#ABANDONED_PREFIX}.
   */
  int failOwnRunsWithout(Set<MessageId> running, Duration olderThan, String error);

  /** Ends this instance's lease now (clean shutdown): whatever it left running is recoverable. */
  void release();
}
