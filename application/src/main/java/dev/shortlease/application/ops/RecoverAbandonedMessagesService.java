package dev.shortlease.application.ops;

import dev.shortlease.application.ChatSettings;
import dev.shortlease.application.port.in.RecoverAbandonedMessagesUseCase;
import dev.shortlease.domain.port.FinishMessagePort;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;

/**
 * Use case (operations, at start-up and then periodically): ends messages left running by a crashed
 * process, or by a run whose final write (T4) failed even after its retries. Only messages older
 * than the execution time limit (plus a margin) are touched: no live run anywhere can be that old,
 * so an instance sweeping next to others never cuts their running answers.
 */
public final class RecoverAbandonedMessagesService implements RecoverAbandonedMessagesUseCase {
  static final Duration MARGIN = Duration.ofSeconds(30);
  static final String ERROR =
      "interrupted: the answer was not saved in time (the service stopped or storage failed)";

  private final FinishMessagePort finish;
  private final ChatSettings settings;

  @Inject
  public RecoverAbandonedMessagesService(FinishMessagePort finish, ChatSettings settings) {
    this.finish = finish;
    this.settings = settings;
  }

  @Override
  public int recover() {
    Instant cutoff = Instant.now().minus(settings.executionTimeLimit()).minus(MARGIN);
    return finish.failAbandoned(cutoff, ERROR);
  }
}
