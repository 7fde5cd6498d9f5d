package dev.shortlease.adapter.persistence.spool;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.EndUserId;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.MessageOutcome;
import dev.shortlease.domain.Owner;
import dev.shortlease.domain.SpooledAnswer;
import dev.shortlease.domain.TokenUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAnswerSpoolTest {
  @TempDir Path directory;

  private static SpooledAnswer answer(String text) {
    return new SpooledAnswer(
        new Owner(new AppId(UUID.randomUUID()), new EndUserId(UUID.randomUUID())),
        new MessageId(UUID.randomUUID()),
        MessageOutcome.stopped(text, new TokenUsage(3, 7), Duration.ofMillis(1234)));
  }

  @Test
  @DisplayName(
      "a kept answer is read back whole by a new spool on the same directory, then forgotten")
  void keepReadForget() {
    SpooledAnswer kept = answer("the text so far, with ünïcode and \"quotes\"");
    new FileAnswerSpool(directory.resolve("spool")).keep(kept);

    FileAnswerSpool afterRestart = new FileAnswerSpool(directory.resolve("spool"));
    assertThat(afterRestart.pending()).containsExactly(kept);

    afterRestart.forget(kept.messageId());
    assertThat(afterRestart.pending()).isEmpty();
  }

  @Test
  @DisplayName("waiting counts the kept answers, without a directory too")
  void waitingCountsKeptAnswers() {
    FileAnswerSpool spool = new FileAnswerSpool(directory.resolve("spool"));
    assertThat(spool.waiting()).isZero();

    SpooledAnswer first = answer("one");
    spool.keep(first);
    spool.keep(answer("two"));
    assertThat(spool.waiting()).isEqualTo(2);

    spool.forget(first.messageId());
    assertThat(spool.waiting()).isEqualTo(1);
  }

  @Test
  @DisplayName("no directory yet means nothing pending; a corrupt file is moved aside, others stay")
  void emptyAndCorrupt() throws Exception {
    FileAnswerSpool spool = new FileAnswerSpool(directory.resolve("absent"));
    assertThat(spool.pending()).isEmpty();

    SpooledAnswer good = answer("fine");
    spool.keep(good);
    Files.writeString(spool.directory().resolve(UUID.randomUUID() + ".json"), "{not json");

    assertThat(spool.pending()).containsExactly(good);
    try (var files = Files.list(spool.directory())) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(name -> name.endsWith(".json.bad"))
          .noneMatch(name -> name.endsWith(".tmp"));
    }
  }
}
