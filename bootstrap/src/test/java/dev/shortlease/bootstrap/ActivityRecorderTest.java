package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import dev.shortlease.application.port.out.RecentActivity.ChatTimeline;
import dev.shortlease.application.port.out.RecentActivity.Interval;
import dev.shortlease.application.port.out.RecentActivity.LeaseBucket;
import dev.shortlease.guardrails.guard.EndedLease;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ActivityRecorderTest {
  private static final long MS = 1_000_000;
  private final ActivityRecorder recorder = new ActivityRecorder();

  @Test
  @DisplayName("a unit that called the model is a chat: its leases and calls in time order")
  void groupsByUnit() {
    recorder.leaseEnded(new EndedLease("c1", "request-1", 7, 10 * MS, 12 * MS)); // T2
    recorder.modelCall(7, 13 * MS, 300 * MS, "simulated");
    recorder.leaseEnded(new EndedLease("c2", "runner-1", 7, 301 * MS, 303 * MS)); // T4
    recorder.leaseEnded(new EndedLease("c1", "request-2", 8, 20 * MS, 21 * MS)); // no model
    recorder.leaseEnded(new EndedLease("c3", "housekeeping", 0, 5 * MS, 6 * MS)); // no unit

    List<ChatTimeline> chats = recorder.chats(10);

    assertThat(chats).extracting(ChatTimeline::id).containsExactly("chat-7");
    List<Interval> intervals = chats.get(0).intervals();
    assertThat(intervals).extracting(Interval::kind).containsExactly("lease", "model", "lease");
    assertThat(intervals.get(1).endMillis() - intervals.get(1).startMillis())
        .isCloseTo(287.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(intervals.get(0).label()).isEqualTo("connection c1 on request-1");
  }

  @Test
  @DisplayName("bounded: the oldest units are forgotten, and a unit keeps at most its cap")
  void bounded() {
    for (int unit = 1; unit <= ActivityRecorder.UNITS + 10; unit++) {
      recorder.modelCall(unit, unit * MS, (unit + 1) * MS, "m");
    }
    for (int i = 0; i < ActivityRecorder.INTERVALS_PER_UNIT + 5; i++) {
      recorder.leaseEnded(new EndedLease("c", "t", 500, i * MS, i * MS + 1));
    }
    recorder.modelCall(500, 0, 1, "m");

    List<ChatTimeline> chats = recorder.chats(ActivityRecorder.UNITS);
    assertThat(chats).hasSize(ActivityRecorder.UNITS);
    assertThat(chats.get(0).id()).isEqualTo("chat-12");
    assertThat(chats.getLast().intervals()).hasSize(ActivityRecorder.INTERVALS_PER_UNIT);
    assertThat(recorder.chats(3))
        .extracting(ChatTimeline::id)
        .containsExactly("chat-265", "chat-266", "chat-500");
  }

  @Test
  @DisplayName("lease times land in their buckets; the last bucket takes the long ones")
  void leaseHistogram() {
    recorder.leaseEnded(new EndedLease("c", "t", 0, 0, MS / 4)); // 0.25 ms
    recorder.leaseEnded(new EndedLease("c", "t", 0, 0, 3 * MS)); // 3 ms: <= 5
    recorder.leaseEnded(new EndedLease("c", "t", 0, 0, 5 * MS)); // 5 ms: <= 5
    recorder.leaseEnded(new EndedLease("c", "t", 0, 0, 4_000 * MS)); // beyond every bound

    List<LeaseBucket> buckets = recorder.leaseHistogram();

    assertThat(buckets).hasSize(ActivityRecorder.LEASE_BOUNDS.length + 1);
    assertThat(buckets.get(0)).isEqualTo(new LeaseBucket(0.5, 1));
    assertThat(buckets.get(3)).isEqualTo(new LeaseBucket(5.0, 2));
    assertThat(buckets.getLast()).isEqualTo(new LeaseBucket(null, 1));
    assertThat(buckets.stream().mapToLong(LeaseBucket::count).sum()).isEqualTo(4);
  }
}
