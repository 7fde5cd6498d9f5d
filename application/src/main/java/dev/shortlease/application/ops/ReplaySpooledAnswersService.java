package dev.shortlease.application.ops;

import dev.shortlease.application.port.in.ReplaySpooledAnswersUseCase;
import dev.shortlease.domain.Message;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.SpooledAnswer;
import dev.shortlease.domain.StorageUnavailableException;
import dev.shortlease.domain.port.AnswerSpoolPort;
import dev.shortlease.domain.port.FinishMessagePort;
import dev.shortlease.domain.port.MessagesPort;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Use case (operations): replays the answer spool. A spooled answer replaces recovery's presumed
 * error ({@link FinishMessagePort#finishMessage} accepts that), so an answer kept through a long
 * outage still ends {@code normal} or {@code stopped} with its full text. An answer whose message
 * already holds it (its first save did commit) is simply forgotten.
 */
public final class ReplaySpooledAnswersService implements ReplaySpooledAnswersUseCase {
  private final AnswerSpoolPort spool;
  private final FinishMessagePort finish;
  private final MessagesPort messages;

  @Inject
  public ReplaySpooledAnswersService(
      AnswerSpoolPort spool, FinishMessagePort finish, MessagesPort messages) {
    this.spool = spool;
    this.finish = finish;
    this.messages = messages;
  }

  @Override
  public Replayed replay() {
    int saved = 0;
    List<MessageId> refused = new ArrayList<>();
    List<String> stuck = new ArrayList<>();
    for (SpooledAnswer answer : spool.pending()) {
      try {
        if (finish.finishMessage(answer.owner(), answer.messageId(), answer.outcome())
            || alreadyHolds(answer)) {
          saved++;
        } else {
          refused.add(answer.messageId());
        }
      } catch (StorageUnavailableException e) {
        throw e; // still away: the rest wait for the next round
      } catch (RuntimeException e) {
        stuck.add(answer.messageId() + ": " + e.getMessage()); // kept; the others go on
        continue;
      }
      spool.forget(answer.messageId());
    }
    return new Replayed(saved, refused, stuck);
  }

  private boolean alreadyHolds(SpooledAnswer answer) {
    Optional<Message> message = messages.findMessage(answer.owner(), answer.messageId());
    return message.isPresent()
        && message.get().status() == answer.outcome().status()
        && message.get().answer().equals(answer.outcome().answer());
  }
}
