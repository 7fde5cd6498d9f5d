package dev.shortlease.application.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.MessageOutcome;
import dev.shortlease.domain.MessageStatus;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.NewTurn;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.SpooledAnswer;
import dev.shortlease.domain.StartedTurn;
import dev.shortlease.domain.StorageUnavailableException;
import dev.shortlease.domain.port.FinishMessagePort;
import dev.shortlease.domain.port.inmemory.InMemoryAnswerSpool;
import dev.shortlease.domain.port.inmemory.InMemoryStore;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Replaying the answer spool")
class ReplaySpooledAnswersServiceTest {
  private final InMemoryStore store = new InMemoryStore();
  private final InMemoryAnswerSpool spool = new InMemoryAnswerSpool();
  private final AppId app =
      store.createApp(new NewApp("a", null, AppMode.CHAT, null, null, null, null));
  private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
  private final FinishMessagePort finish =
      new FinishMessagePort() {
        @Override
        public boolean finishMessage(Owner owner, MessageId id, MessageOutcome outcome) {
          if (failure.get() != null && outcome.answer().equals("poison")) {
            throw failure.get();
          }
          return store.finishMessage(owner, id, outcome);
        }

        @Override
        public int failAbandoned(Duration olderThan, String error) {
          return 0;
        }
      };
  private final ReplaySpooledAnswersService replay =
      new ReplaySpooledAnswersService(spool, finish, store);

  private SpooledAnswer spooled(String text) {
    StartedTurn turn = store.startTurn(new NewTurn(app, "alice", null, "q", null));
    SpooledAnswer answer =
        new SpooledAnswer(
            turn.owner(), turn.messageId(), MessageOutcome.completed(text, null, null));
    spool.keep(answer);
    return answer;
  }

  private MessageStatus status(SpooledAnswer a) {
    return store.findMessage(a.owner(), a.messageId()).orElseThrow().status();
  }

  @Test
  @DisplayName("saves each answer, drops one whose message ended otherwise, keeps a stuck one")
  void savesRefusesAndKeeps() {
    SpooledAnswer good = spooled("good");
    SpooledAnswer poison = spooled("poison");
    SpooledAnswer ended = spooled("late");
    store.finishMessage(ended.owner(), ended.messageId(), MessageOutcome.stopped("x", null, null));
    failure.set(new IllegalStateException("check constraint"));

    var replayed = replay.replay();

    assertThat(replayed.saved()).isEqualTo(1);
    assertThat(replayed.refused()).containsExactly(ended.messageId());
    assertThat(replayed.stuck()).singleElement().asString().contains("check constraint");
    assertThat(status(good)).isEqualTo(MessageStatus.NORMAL);
    assertThat(spool.pending()).containsExactly(poison);
  }

  @Test
  @DisplayName("a database still away stops the round and keeps everything")
  void stillAway() {
    spooled("poison");
    spooled("next");
    failure.set(new StorageUnavailableException("database unavailable", null));

    assertThatThrownBy(replay::replay).isInstanceOf(StorageUnavailableException.class);
    assertThat(spool.pending()).hasSize(2);
  }
}
