package dev.shortlease.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.NewApp;
import dev.shortlease.domain.NewTurn;
import dev.shortlease.domain.StartedTurn;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.RepeatedTest;
import org.slf4j.LoggerFactory;

/**
 * Concurrent first requests of one end user are a race the adapter handles (one end user row, every
 * turn succeeds); a handled race must not fill the operator's log with warnings.
 */
class QuietFirstTurnRaceTest {

  @RepeatedTest(3)
  @DisplayName("concurrent first turns of one user log no warning")
  void concurrentFirstTurnsAreQuiet() throws Exception {
    PersistenceContext context = SharedContexts.h2();
    AppId app =
        context
            .apps()
            .createApp(
                new NewApp("race " + UUID.randomUUID(), "", AppMode.CHAT, null, null, null, null));
    String user = "user-" + UUID.randomUUID();
    int threads = 8;
    ListAppender<ILoggingEvent> log = new ListAppender<>();
    Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
    log.start();
    root.addAppender(log);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch go = new CountDownLatch(1);
    try {
      List<Callable<StartedTurn>> calls =
          IntStream.range(0, threads)
              .<Callable<StartedTurn>>mapToObj(
                  i ->
                      () -> {
                        go.await();
                        return context
                            .startTurn()
                            .startTurn(new NewTurn(app, user, null, "q" + i, Map.of()));
                      })
              .toList();
      List<Future<StartedTurn>> turns = calls.stream().map(pool::submit).toList();
      go.countDown();
      long users =
          turns.stream()
              .map(QuietFirstTurnRaceTest::get)
              .map(t -> t.owner().endUserId())
              .distinct()
              .count();
      assertThat(users).isEqualTo(1);
    } finally {
      pool.shutdownNow();
      root.detachAppender(log);
    }
    assertThat(log.list)
        .filteredOn(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
        .extracting(ILoggingEvent::getFormattedMessage)
        .isEmpty();
  }

  private static StartedTurn get(Future<StartedTurn> turn) {
    try {
      return turn.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
