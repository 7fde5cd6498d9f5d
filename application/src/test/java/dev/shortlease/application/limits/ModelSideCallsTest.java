package dev.shortlease.application.limits;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.shortlease.application.LimitSettings;
import dev.shortlease.application.port.out.StopSignal;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A side call forwards its caller's stop to its own signal for as long as it runs, and no longer
 * (ADR 0068): the caller's signal (a request's, which may see several side calls) keeps nothing of
 * a side call that ended, however it ended.
 */
@DisplayName("Model side calls: the caller's stop is forwarded only while the call runs")
class ModelSideCallsTest {
  private static final Duration SHORT_LIMIT = Duration.ofMillis(100);

  private final ModelSideCalls sideCalls =
      new ModelSideCalls(LimitSettings.DEFAULTS.withSideCalls(2, SHORT_LIMIT));

  @Test
  @DisplayName("a call that answers leaves no registration on the caller's signal")
  void answeredCallReleasesItsRegistration() {
    StopSignal caller = new StopSignal();

    for (int i = 0; i < 5; i++) {
      assertThat(sideCalls.<String>call(caller, stop -> "answer")).isEqualTo("answer");
      assertThat(sideCalls.<String>tryCall(caller, stop -> "answer")).contains("answer");
    }

    assertThat(caller.registered()).isZero();
  }

  @Test
  @DisplayName("a call that fails leaves no registration on the caller's signal")
  void failedCallReleasesItsRegistration() {
    StopSignal caller = new StopSignal();

    for (int i = 0; i < 5; i++) {
      assertThatThrownBy(
              () ->
                  sideCalls.call(
                      caller,
                      stop -> {
                        throw new IllegalStateException("model failed");
                      }))
          .hasMessage("model failed");
    }

    assertThat(caller.registered()).isZero();
  }

  @Test
  @DisplayName("a call stopped by its time limit leaves no registration on the caller's signal")
  void callStoppedByItsLimitReleasesItsRegistration() {
    StopSignal caller = new StopSignal();

    for (int i = 0; i < 3; i++) {
      assertThat(sideCalls.<String>call(caller, ModelSideCallsTest::waitForStop))
          .isEqualTo("stopped");
    }

    assertThat(caller.isRequested()).isFalse();
    assertThat(caller.registered()).isZero();
  }

  @Test
  @DisplayName("a call stopped by its caller is stopped at once and leaves no registration")
  // The signal itself drops a callback it runs: this pins the forwarding, and that nothing is
  // left, but cannot tell a closed registration from an unclosed one (the time limit's test can).
  void callStoppedByItsCallerReleasesItsRegistration() {
    ModelSideCalls slow =
        new ModelSideCalls(LimitSettings.DEFAULTS.withSideCalls(1, Duration.ofSeconds(30)));
    StopSignal caller = new StopSignal();
    Thread.ofVirtual()
        .start(
            () -> {
              sleep(100);
              caller.request();
            });

    long start = System.nanoTime();
    assertThat(slow.<String>call(caller, ModelSideCallsTest::waitForStop)).isEqualTo("stopped");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(caller.registered()).isZero();
  }

  /** A model call that runs until its signal is raised (bounded for the test). */
  private static String waitForStop(StopSignal stop) {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (!stop.isRequested() && System.nanoTime() - end < 0) {
      sleep(5);
    }
    return stop.isRequested() ? "stopped" : "not stopped";
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
