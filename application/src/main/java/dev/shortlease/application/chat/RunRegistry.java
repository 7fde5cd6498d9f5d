package dev.shortlease.application.chat;

import dev.shortlease.domain.AppId;
import dev.shortlease.domain.StopRequest;
import dev.shortlease.domain.TaskId;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The generations running in this process, by task ID: where a stop request finds its run, and
 * where shutdown stops them all and waits for their last transaction (T4). In memory on purpose: a
 * run lives on one instance. A stop that reaches another instance travels through the database
 * ({@link StopGenerationService}, {@link StopRequestRelayService}).
 */
@Singleton
public final class RunRegistry {
  private final Map<TaskId, RunningChat> running = new ConcurrentHashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition emptied = lock.newCondition();
  private volatile boolean shuttingDown;
  private final Set<CompletableFuture<?>> saveCalls = ConcurrentHashMap.newKeySet();
  private volatile boolean saveRetriesAbandoned;

  void register(RunningChat run) {
    running.put(run.taskId(), run);
    if (shuttingDown) {
      run.requestStop(StopReason.SHUTDOWN);
    }
  }

  void unregister(RunningChat run) {
    running.remove(run.taskId(), run);
    lock.lock();
    try {
      emptied.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * Stops the task when it runs here for this app and user, and says so; otherwise does nothing.
   * The HTTP caller cannot tell the difference either way (Dify's behaviour: task IDs reveal
   * nothing).
   */
  public boolean stop(AppId appId, String user, TaskId taskId) {
    RunningChat run = running.get(taskId);
    if (run != null && run.isOwnedBy(appId, user)) {
      run.requestStop(StopReason.USER);
      return true;
    }
    return false;
  }

  /** For each run of this instance, the stop that would end it (its task, app and user). */
  List<StopRequest> ownersStops() {
    return running.values().stream().map(RunningChat::ownersStop).toList();
  }

  /** Stops every run, and every run registered from now on; returns how many were running. */
  public int stopAll() {
    shuttingDown = true;
    List<RunningChat> runs = List.copyOf(running.values());
    runs.forEach(run -> run.requestStop(StopReason.SHUTDOWN));
    return runs.size();
  }

  /** Waits until no run is registered; false when {@code timeout} passed first. */
  public boolean awaitAllEnded(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lockInterruptibly();
    try {
      while (!running.isEmpty()) {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        emptied.awaitNanos(left);
      }
      return true;
    } finally {
      lock.unlock();
    }
  }

  /**
   * Shutdown cannot wait any longer: final saves still retrying, or still waiting for a database
   * that does not answer, give up now and spool their answers ({@link FinalSave}).
   */
  public void abandonSaveRetries() {
    saveRetriesAbandoned = true;
    saveCalls.forEach(RunRegistry::cutShort);
  }

  /**
   * Ends {@code call}'s wait with a transient failure when save retries are abandoned — at once if
   * they already are — even if the database never answers ({@link SaveCalls}).
   */
  void cutShortOnAbandon(CompletableFuture<?> call) {
    saveCalls.add(call);
    // Added, then checked: either abandonSaveRetries sees the call, or this sees the flag.
    if (saveRetriesAbandoned) {
      cutShort(call);
    }
  }

  void forgetSaveCall(CompletableFuture<?> call) {
    saveCalls.remove(call);
  }

  private static void cutShort(CompletableFuture<?> call) {
    call.completeExceptionally(SaveCalls.cutShort("before shutdown had to go on"));
  }

  boolean saveRetriesAbandoned() {
    return saveRetriesAbandoned;
  }

  public int runningCount() {
    return running.size();
  }
}
