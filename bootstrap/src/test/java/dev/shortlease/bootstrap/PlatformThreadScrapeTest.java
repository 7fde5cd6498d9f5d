package dev.shortlease.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Metrics scrape: rendered on a platform thread, whatever thread asks")
class PlatformThreadScrapeTest {

  @Test
  @DisplayName("a request's virtual thread gets the text rendered on a platform thread")
  void rendersOffTheVirtualThread() throws InterruptedException {
    AtomicBoolean renderedOnVirtual = new AtomicBoolean(true);
    AtomicReference<String> text = new AtomicReference<>();

    Thread.ofVirtual()
        .start(
            () ->
                text.set(
                    PlatformThreadScrape.of(
                        () -> {
                          renderedOnVirtual.set(Thread.currentThread().isVirtual());
                          return "up 1\n";
                        })))
        .join();

    assertThat(text).hasValue("up 1\n");
    assertThat(renderedOnVirtual).as("rendered on a virtual thread").isFalse();
  }

  @Test
  @DisplayName("a failing scrape fails the caller with its own exception")
  void failureReachesTheCaller() {
    assertThatThrownBy(
            () ->
                PlatformThreadScrape.of(
                    () -> {
                      throw new IllegalArgumentException("closed registry");
                    }))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("closed registry");
  }
}
