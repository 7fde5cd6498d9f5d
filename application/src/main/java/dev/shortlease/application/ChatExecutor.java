package dev.shortlease.application;

import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;

/**
 * Where generations run: by default one virtual thread per run, so thousands of streams waiting on
 * a model cost little. Each database call of a final save runs here too, so that the run can stop
 * waiting for it (ADR 0053). A record so the composition root (or a test) can bind its own
 * executor.
 */
public record ChatExecutor(Executor executor) {

  public ChatExecutor {
    Objects.requireNonNull(executor, "executor");
  }

  /** One new virtual thread per task. */
  public static ChatExecutor virtualThreads() {
    ThreadFactory threads = Thread.ofVirtual().name("chat-runner-", 0).factory();
    return new ChatExecutor(task -> threads.newThread(task).start());
  }

  public void execute(Runnable task) {
    executor.execute(task);
  }
}
