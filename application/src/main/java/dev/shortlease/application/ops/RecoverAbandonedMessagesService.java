package dev.shortlease.application.ops;

import dev.shortlease.application.ChatSettings;
import dev.shortlease.application.ReliabilitySettings;
import dev.shortlease.application.chat.RunRegistry;
import dev.shortlease.application.port.in.RecoverAbandonedMessagesUseCase;
import dev.shortlease.domain.MessageOutcome;
import dev.shortlease.domain.port.FinishMessagePort;
import dev.shortlease.domain.port.InstanceLeasePort;
import jakarta.inject.Inject;
import java.time.Duration;

/**
 * Use case (operations, at start-up and then every heartbeat): renews this instance's lease, then
 * ends as {@code error} the running messages of instances whose lease ran out — crashed, killed, or
 * cut off from the database for longer than the lease. The database's clock decides (see {@link
 * InstanceLeasePort}). Any message still running when older than anything alive could be — the time
 * limit, plus the final save's retry window, plus a margin — is ended too (this covers rows written
 * before leases existed, which name no instance), unless its instance still holds a live lease
 * (that instance is alive and ends its messages itself). That age is measured on the database's
 * clock too ({@link FinishMessagePort#failAbandoned} takes the age, not a cut-off time): this
 * instance's clock may run ahead of or behind the one that stamped the messages.
 *
 * <p>This instance's own running messages without a run here, a minute after they started, are
 * ended as well: a start whose commit landed but whose reply was lost (the database cut or silent
 * mid-start) answered its client 503 and left the message with no run, which its live lease would
 * otherwise spare for as long as the instance lives.
 *
 * <p>All three endings are presumptions, marked with {@link MessageOutcome#ABANDONED_PREFIX}: a run
 * that was alive after all (its instance only lost the database) still saves its own outcome over
 * it.
 */
public final class RecoverAbandonedMessagesService implements RecoverAbandonedMessagesUseCase {
  static final Duration MARGIN = Duration.ofSeconds(30);
  static final String DEAD_INSTANCE =
      MessageOutcome.ABANDONED_PREFIX
          + "the instance running it stopped renewing its lease (it crashed, was killed, or lost"
          + " the database)";

  /** Longer than a start takes from its commit to its run's registration. */
  static final Duration ORPHAN_AGE = Duration.ofSeconds(60);

  static final String NO_RUN =
      MessageOutcome.ABANDONED_PREFIX
          + "its start did not complete (the database was lost while it started)";
  static final String TOO_OLD =
      MessageOutcome.ABANDONED_PREFIX
          + "still running past the time limit and the final save's retry window";

  private final FinishMessagePort finish;
  private final InstanceLeasePort lease;
  private final ChatSettings chat;
  private final ReliabilitySettings reliability;
  private final RunRegistry registry;

  @Inject
  public RecoverAbandonedMessagesService(
      FinishMessagePort finish,
      InstanceLeasePort lease,
      ChatSettings chat,
      ReliabilitySettings reliability,
      RunRegistry registry) {
    this.finish = finish;
    this.lease = lease;
    this.chat = chat;
    this.reliability = reliability;
    this.registry = registry;
  }

  @Override
  public int recover() {
    lease.renew(reliability.instanceLease()); // first: never look dead to ourselves or others
    int ended = lease.failRunsOfDeadInstances(DEAD_INSTANCE);
    ended += lease.failOwnRunsWithout(registry.runningMessages(), ORPHAN_AGE, NO_RUN);
    Duration tooOld = chat.executionTimeLimit().plus(reliability.finalSaveRetry()).plus(MARGIN);
    return ended + finish.failAbandoned(tooOld, TOO_OLD);
  }
}
