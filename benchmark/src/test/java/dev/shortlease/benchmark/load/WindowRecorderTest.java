package dev.shortlease.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.shortlease.benchmark.load.ChatOutcome.Kind;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class WindowRecorderTest {

  private static final long MS = 1_000_000;

  @Test
  @DisplayName("only chats that end inside the window are counted, by outcome")
  void countsOnlyTheWindow() {
    WindowRecorder recorder = new WindowRecorder(1000 * MS, 2000 * MS);

    assertThat(recorder.record(new ChatOutcome(Kind.COMPLETED, 0, 10 * MS, 999 * MS, "")))
        .isFalse();
    assertThat(recorder.record(new ChatOutcome(Kind.COMPLETED, 0, 0, 2000 * MS, ""))).isFalse();
    recorder.record(new ChatOutcome(Kind.COMPLETED, 500 * MS, 600 * MS, 1500 * MS, ""));
    recorder.record(new ChatOutcome(Kind.POOL_TIMEOUT, 1000 * MS, 0, 1400 * MS, "http 503"));
    recorder.record(new ChatOutcome(Kind.FAILED, 1000 * MS, 0, 1400 * MS, "http 401"));

    assertThat(recorder.completed()).isEqualTo(1);
    assertThat(recorder.errors()).isEqualTo(2);
    assertThat(recorder.poolTimeouts()).isEqualTo(1);
    assertThat(recorder.latency().getMaxValue()).isBetween(999L, 1001L);
    assertThat(recorder.firstToken().getMaxValue()).isEqualTo(100L);
    assertThat(recorder.errorKinds())
        .containsEntry("POOL_TIMEOUT: http 503", 1L)
        .containsEntry("FAILED: http 401", 1L);
  }

  @Test
  @DisplayName("a recorder whose window is not open yet counts nothing; once opened, its window")
  void countsNothingBeforeOpen() {
    WindowRecorder recorder = new WindowRecorder();

    assertThat(recorder.record(new ChatOutcome(Kind.COMPLETED, 0, 10 * MS, 1500 * MS, "")))
        .isFalse();
    recorder.open(1000 * MS, 2000 * MS);
    assertThat(recorder.record(new ChatOutcome(Kind.COMPLETED, 0, 10 * MS, 1500 * MS, "")))
        .isTrue();
    assertThat(recorder.completed()).isEqualTo(1);
  }

  @Test
  @DisplayName("chats done count each completed chat by the share of it inside the window")
  void chatsDoneCountsSharesInside() {
    WindowRecorder recorder = new WindowRecorder(1000 * MS, 2000 * MS);

    recorder.record(new ChatOutcome(Kind.COMPLETED, 500 * MS, 0, 1500 * MS, "")); // half inside
    recorder.record(new ChatOutcome(Kind.COMPLETED, 1200 * MS, 0, 1400 * MS, "")); // all inside
    recorder.record(new ChatOutcome(Kind.COMPLETED, 1750 * MS, 0, 2750 * MS, "")); // a quarter
    recorder.record(new ChatOutcome(Kind.COMPLETED, 0, 0, 900 * MS, "")); // before
    recorder.record(new ChatOutcome(Kind.FAILED, 1100 * MS, 0, 1300 * MS, "http 500"));

    assertThat(recorder.completed()).isEqualTo(2);
    assertThat(recorder.chatsDone()).isCloseTo(1.75, within(1e-9));
  }

  @Test
  @DisplayName("less than one chat's worth inside the window counts as no chat done")
  void aFractionOfOneChatIsNone() {
    WindowRecorder recorder = new WindowRecorder(1000 * MS, 2000 * MS);

    recorder.record(new ChatOutcome(Kind.COMPLETED, 1900 * MS, 0, 2900 * MS, "")); // a tenth

    assertThat(recorder.chatsDone()).isZero();
    recorder.record(new ChatOutcome(Kind.COMPLETED, 1000 * MS, 0, 1900 * MS, ""));
    assertThat(recorder.chatsDone()).isCloseTo(1.1, within(1e-9));
  }

  @Test
  @DisplayName("a client's back-to-back chats count window / chat time, wherever its phase falls")
  void chatsDoneDoNotDependOnPhase() {
    long chat = 700 * MS;
    for (long phase = 0; phase < chat; phase += 50 * MS) {
      WindowRecorder recorder = new WindowRecorder(1000 * MS, 3000 * MS);
      for (long start = phase; start < 4000 * MS; start += chat) {
        recorder.record(new ChatOutcome(Kind.COMPLETED, start, 0, start + chat, ""));
      }
      assertThat(recorder.chatsDone())
          .as("phase %d ms", phase / MS)
          .isCloseTo(2000.0 / 700, within(1e-9));
    }
  }

  @Test
  @DisplayName("windows added together report as one: counts, shares, histograms and error kinds")
  void windowsAddUp() {
    WindowRecorder first = new WindowRecorder(1000 * MS, 2000 * MS);
    first.record(new ChatOutcome(Kind.COMPLETED, 1000 * MS, 1100 * MS, 1500 * MS, ""));
    first.record(new ChatOutcome(Kind.POOL_TIMEOUT, 1000 * MS, 0, 1400 * MS, "http 503"));
    WindowRecorder second = new WindowRecorder(5000 * MS, 6000 * MS);
    second.record(new ChatOutcome(Kind.COMPLETED, 5000 * MS, 5300 * MS, 5800 * MS, ""));
    second.record(new ChatOutcome(Kind.COMPLETED, 4500 * MS, 4600 * MS, 5500 * MS, ""));
    second.record(new ChatOutcome(Kind.POOL_TIMEOUT, 5000 * MS, 0, 5400 * MS, "http 503"));

    WindowRecorder both = new WindowRecorder();
    both.addAll(first);
    both.addAll(second);

    assertThat(both.completed()).isEqualTo(3);
    assertThat(both.chatsDone()).isCloseTo(first.chatsDone() + second.chatsDone(), within(1e-9));
    assertThat(both.chatsDone()).isCloseTo(2.5, within(1e-9));
    assertThat(both.errors()).isEqualTo(2);
    assertThat(both.poolTimeouts()).isEqualTo(2);
    assertThat(both.errorKinds()).containsEntry("POOL_TIMEOUT: http 503", 2L);
    assertThat(both.latency().getTotalCount()).isEqualTo(3);
    assertThat(both.latency().getMaxValue()).isBetween(999L, 1001L);
    assertThat(both.firstToken().getMaxValue()).isBetween(299L, 301L);
  }
}
