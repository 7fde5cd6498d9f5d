package dev.shortlease.bootstrap;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;

/**
 * Composition root: renders Prometheus text on a fresh platform thread. The exposition writer makes
 * one small write per name, label and number through a {@link java.io.BufferedWriter}, and the JDK
 * gives a {@code BufferedWriter} made on a virtual thread a 512-char buffer that grows by copying
 * to exactly what each write needs: megabytes of garbage per scrape in a profile of the benchmark,
 * whose samplers scrape once a second. Made on a platform thread, it starts at its full 8192.
 */
public final class PlatformThreadScrape {
  private PlatformThreadScrape() {}

  /** {@code scrape}'s text, computed on a new platform thread (one per scrape: seconds apart). */
  public static String of(Supplier<String> scrape) {
    CompletableFuture<String> text = new CompletableFuture<>();
    Thread.ofPlatform()
        .daemon()
        .name("metrics-scrape")
        .start(
            () -> {
              try {
                text.complete(scrape.get());
              } catch (RuntimeException | Error e) {
                text.completeExceptionally(e);
              }
            });
    try {
      return text.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while scraping the metrics", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException("scraping the metrics failed", e.getCause());
    }
  }
}
