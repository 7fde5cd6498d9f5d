package dev.shortlease.application.chat;

import dev.shortlease.application.ChatExecutor;
import dev.shortlease.application.WakeUpTimer;
import dev.shortlease.domain.StorageUnavailableException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Supplier;

/**
 * The database calls of a {@link FinalSave}, each on a thread of its own so that the run's thread
 * can stop waiting for it: when the save's deadline passes, or at once when shutdown abandons save
 * retries. A silent database (a partition: connections open, no reply) holds a call in a socket
 * read until the driver's socket timeout, longer than shutdown has (ADR 0053).
 *
 * <p>A call cut short fails as storage unavailable — its commit may still land — and goes on in the
 * background; the caller spools the answer, and the replay forgets it if the late commit got there
 * first.
 */
final class SaveCalls {
  private final ChatExecutor executor;
  private final RunRegistry registry;

  SaveCalls(ChatExecutor executor, RunRegistry registry) {
    this.executor = executor;
    this.registry = registry;
  }

  /** The result of {@code call}, or a transient failure if it has none by {@code deadline}. */
  <T> T call(Supplier<T> call, long deadlineNanos) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      executor.execute(() -> complete(result, call));
    } catch (RejectedExecutionException e) {
      return call.get(); // no thread to hand it to: wait for it here, as before
    }
    // One timer task (removed if the call ends first), not a timed park (ADR 0045).
    ScheduledFuture<?> deadline =
        WakeUpTimer.after(
            deadlineNanos - System.nanoTime(),
            () -> result.completeExceptionally(cutShort("by the final save's deadline")));
    registry.cutShortOnAbandon(result);
    try {
      return result.join();
    } catch (CompletionException e) {
      throw unwrapped(e.getCause());
    } finally {
      deadline.cancel(false);
      registry.forgetSaveCall(result);
    }
  }

  static StorageUnavailableException cutShort(String why) {
    return new StorageUnavailableException(
        "no reply from the database " + why + " (the call may still commit)", null);
  }

  private static <T> void complete(CompletableFuture<T> result, Supplier<T> call) {
    try {
      result.complete(call.get());
    } catch (Throwable t) {
      result.completeExceptionally(t);
    }
  }

  private static RuntimeException unwrapped(Throwable cause) {
    if (cause instanceof RuntimeException runtime) {
      return runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(cause);
  }
}
