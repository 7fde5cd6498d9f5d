package dev.shortlease.benchmark.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class RegroupTest {

  @Test
  @DisplayName("before a regroup is asked for, clients go straight on")
  void noRegroupNoWait() throws InterruptedException {
    Regroup regroup = new Regroup(4, Duration.ofSeconds(10));

    assertThat(regroup.beforeChat(3, false)).isFalse();
  }

  @Test
  @DisplayName("clients clumped together pause, then start again each at its place in the spread")
  void clientsRestartSpread() throws Exception {
    int clients = 4;
    Duration spread = Duration.ofMillis(400);
    Regroup regroup = new Regroup(clients, spread);
    var restartedAt = new ConcurrentHashMap<Integer, Long>();
    try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
      Future<Integer> paused = threads.submit(() -> regroup.pause(Duration.ofSeconds(5)));
      List<Future<Boolean>> waited = new ArrayList<>();
      for (int i = 0; i < clients; i++) {
        int index = i;
        waited.add(
            threads.submit(
                () -> {
                  chatUntilRegrouped(regroup, index);
                  restartedAt.put(index, System.nanoTime());
                  // each client regroups once: its next chat goes straight on
                  return !regroup.beforeChat(index, true);
                }));
      }
      assertThat(paused.get(5, TimeUnit.SECONDS)).isEqualTo(clients);
      long resumeAt = System.nanoTime();
      regroup.resume(resumeAt);
      for (Future<Boolean> client : waited) {
        assertThat(client.get(5, TimeUnit.SECONDS)).isTrue();
      }
      for (int i = 0; i < clients; i++) {
        long place = resumeAt + spread.toNanos() * i / clients;
        assertThat(restartedAt.get(i) - place)
            .as("client %d starts at its place", i)
            .isBetween(0L, spread.toNanos() / clients);
      }
      assertThat(regroup.spreadEnd()).isEqualTo(resumeAt + spread.toNanos());
    }
  }

  @Test
  @DisplayName("a client still in a long chat does not hold the others back past the longest wait")
  void pauseGivesUpAfterTheLongestWait() throws InterruptedException {
    Regroup regroup = new Regroup(2, Duration.ofMillis(10));
    Thread.ofVirtual()
        .start(
            () -> {
              try {
                chatUntilRegrouped(regroup, 0);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            });

    assertThat(regroup.pause(Duration.ofMillis(300))).isEqualTo(1);
    regroup.resume(System.nanoTime());
  }

  /** A client's loop: a chat (a millisecond here) before each call, until it has regrouped. */
  private static void chatUntilRegrouped(Regroup regroup, int index) throws InterruptedException {
    while (!regroup.beforeChat(index, false)) {
      Thread.sleep(1);
    }
  }
}
