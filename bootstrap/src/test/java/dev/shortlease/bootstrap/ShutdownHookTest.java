package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class ShutdownHookTest {

  @Test
  @DisplayName("a server started before the signal is stopped within the whole grace")
  void startedBeforeTheSignal() throws Exception {
    ShutdownHook hook = new ShutdownHook(Duration.ofSeconds(8));
    CompletableFuture<Duration> given = new CompletableFuture<>();
    hook.started(given::complete);

    hook.run();

    assertThat(given.get(1, TimeUnit.SECONDS)).isEqualTo(Duration.ofSeconds(8));
  }

  @Test
  @DisplayName("a stop that waited for the start gets what is left of the grace, so both fit it")
  void waitingForTheStartShortensTheStop() throws Exception {
    ShutdownHook hook = new ShutdownHook(Duration.ofSeconds(2));
    CompletableFuture<Duration> given = new CompletableFuture<>();
    Thread signal = Thread.ofPlatform().start(hook);

    Thread.sleep(600);
    hook.started(given::complete);
    signal.join(5_000);

    assertThat(given.get(1, TimeUnit.SECONDS))
        .isPositive()
        .isLessThanOrEqualTo(Duration.ofMillis(1_400));
  }

  @Test
  @DisplayName("a start that outlasts the grace is not stopped: nothing listens yet")
  void startOutlastingTheGrace() throws Exception {
    ShutdownHook hook = new ShutdownHook(Duration.ofMillis(200));
    CompletableFuture<Duration> given = new CompletableFuture<>();

    hook.run();
    hook.started(given::complete);

    assertThat(given).isNotDone();
  }
}
