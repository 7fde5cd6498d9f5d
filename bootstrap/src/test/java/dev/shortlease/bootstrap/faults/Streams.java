package dev.shortlease.bootstrap.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Many streaming chats at once, and what the database holds for them afterwards. */
final class Streams {
  final List<StreamClient> clients = new ArrayList<>();

  static Streams start(ServiceProcess service, String key, int count) {
    Streams streams = new Streams();
    for (int i = 0; i < count; i++) {
      streams.clients.add(StreamClient.start(service.baseUrl(), key, "user-" + i, "question " + i));
    }
    return streams;
  }

  /** Waits until every stream has received some text. */
  void awaitText(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (StreamClient c : clients) {
      while (c.text().isEmpty() && c.terminal == null && c.broken == null) {
        if (System.nanoTime() > deadline) {
          throw new AssertionError("no text within " + timeout + ": " + c);
        }
        Thread.sleep(20);
      }
    }
  }

  void awaitEnd(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (StreamClient c : clients) {
      long left = Math.max(0, deadline - System.nanoTime());
      assertThat(c.awaitEnd(Duration.ofNanos(left))).as("stream ended: %s", c).isTrue();
    }
  }

  List<String> messageIds() {
    return clients.stream().map(c -> c.messageId).toList();
  }

  /** Every stream's message is stored with {@code status} and exactly the text its client saw. */
  void assertStoredAsSeen(FaultDatabase db, String status) throws Exception {
    Map<String, FaultDatabase.Row> rows = db.messages(messageIds());
    for (StreamClient c : clients) {
      FaultDatabase.Row row = rows.get(c.messageId);
      assertThat(row).as("stored message of %s", c).isNotNull();
      assertThat(row.status()).as("status of %s (error: %s)", c, row.error()).isEqualTo(status);
      assertThat(row.answer()).as("stored answer of %s", c).isEqualTo(c.text());
    }
  }
}
