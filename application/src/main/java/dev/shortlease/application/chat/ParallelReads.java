package dev.shortlease.application.chat;

import dev.shortlease.application.port.out.StopSignal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;

/**
 * Reads a message's images side by side, at most {@value #AT_ONCE} at a time, and answers them in
 * the message's order. The first read that fails fails them all: the others get a raised stop
 * signal (a download cancels its request) and an interrupt. The threads are virtual and live only
 * for the call: nothing outlives the run, and no pool waits between messages.
 */
final class ParallelReads {
  /** Enough for Dify's usual three images at once; more would only crowd one client's host. */
  static final int AT_ONCE = 3;

  private ParallelReads() {}

  /**
   * {@code read} applied to each item, in order; {@code runStop} stops them all. Throws the first
   * failure (in time) as it was thrown.
   */
  static <T, R> List<R> inOrder(
      List<T> items, StopSignal runStop, BiFunction<T, StopSignal, R> read) {
    if (items.size() <= 1) {
      return items.stream().map(item -> read.apply(item, runStop)).toList();
    }
    StopSignal stop = new StopSignal();
    try (StopSignal.Registration forwarded = runStop.onRequest(stop::request);
        ExecutorService threads =
            Executors.newFixedThreadPool(
                Math.min(AT_ONCE, items.size()),
                Thread.ofVirtual().name("image-read-", 0).factory())) {
      CompletionService<R> done = new ExecutorCompletionService<>(threads);
      List<Future<R>> reads = new ArrayList<>();
      for (T item : items) {
        reads.add(done.submit(() -> read.apply(item, stop)));
      }
      try {
        for (int i = 0; i < items.size(); i++) {
          done.take().get();
        }
      } catch (ExecutionException | InterruptedException e) {
        stop.request();
        reads.forEach(f -> f.cancel(true));
        throw rethrown(e);
      }
      return reads.stream().map(Future::resultNow).toList();
    }
  }

  private static RuntimeException rethrown(Exception e) {
    if (e instanceof InterruptedException) {
      Thread.currentThread().interrupt();
      return new IllegalStateException("interrupted while reading images", e);
    }
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(cause);
  }
}
