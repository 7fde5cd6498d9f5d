package dev.shortlease.application.chat;

import dev.shortlease.application.port.in.ShuttingDownException;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.MessageId;
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
import java.util.stream.Collectors;

/**
 * The generations running in this process, by task ID: where a stop request finds its run, and
 * where shutdown stops them all and waits for their last transaction (T4). In memory on purpose: a
 * run lives on one instance. A stop that reaches another instance travels through the database
 * ({@link StopGenerationService}, {@link StopRequestRelayService}).
 *
 * <p>A chat on its way to a run — from before T1 until it registers, or fails — is a {@linkplain
 * #beginStart() start in flight}: shutdown waits for those too, since their T2 and their run's T4
 * still need the pool. Once shutting down, no new start begins.
 */
@Singleton
public final class RunRegistry {
  private final Map<TaskId, RunningChat> running = new ConcurrentHashMap<>();
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition emptied = lock.newCondition();
  private volatile boolean shuttingDown;
  private int startsInFlight; // under lock
  private long ended; // under lock
  private final Set<CompletableFuture<?>> saveCalls = ConcurrentHashMap.newKeySet();
  private volatile boolean saveRetriesAbandoned;

  /**
   * A chat starts: shutdown waits for it until it registers its run or fails ({@link
   * Start#close()}). {@link ShuttingDownException} once {@link #stopAll()} ran: nothing is saved.
   */
  Start beginStart() {
    lock.lock();
    try {
      if (shuttingDown) {
        throw new ShuttingDownException();
      }
      startsInFlight++;
      return new Start();
    } finally {
      lock.unlock();
    }
  }

  /** Registers {@code run}, which ends its {@code start}. */
  void register(RunningChat run, Start start) {
    running.put(run.taskId(), run);
    if (shuttingDown) {
      run.requestStop(StopReason.SHUTDOWN);
    }
    start.close(); // after the put: a waiter never finds the chat neither starting nor running
  }

  void unregister(RunningChat run) {
    boolean removed = running.remove(run.taskId(), run);
    lock.lock();
    try {
      if (removed) {
        ended++;
      }
      emptied.signalAll();
    } finally {
      lock.unlock();
    }
  }

  /**
   * One chat start in flight, from {@link #beginStart()} until its run registers or the start
   * fails; closing it again does nothing.
   */
  final class Start implements AutoCloseable {
    private boolean open = true; // the starting thread's own

    private Start() {}

    @Override
    public void close() {
      if (!open) {
        return;
      }
      open = false;
      lock.lock();
      try {
        startsInFlight--;
        emptied.signalAll();
      } finally {
        lock.unlock();
      }
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

  /**
   * Stops every run, and every run registered from now on (the starts in flight); refuses new
   * starts. Returns how many were running.
   */
  public int stopAll() {
    lock.lock();
    try {
      shuttingDown = true; // under the lock: a start either is counted, or sees the flag
    } finally {
      lock.unlock();
    }
    List<RunningChat> runs = List.copyOf(running.values());
    runs.forEach(run -> run.requestStop(StopReason.SHUTDOWN));
    return runs.size();
  }

  /**
   * Waits until no run is registered and no start is in flight; false when {@code timeout} passed
   * first.
   */
  public boolean awaitAllEnded(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    lock.lockInterruptibly();
    try {
      while (!running.isEmpty() || startsInFlight > 0) {
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

  /** The messages of the registered runs: recovery ends this instance's others (no run). */
  public Set<MessageId> runningMessages() {
    return running.values().stream()
        .map(RunningChat::messageId)
        .collect(Collectors.toUnmodifiableSet());
  }

  public int runningCount() {
    return running.size();
  }

  /** Runs registered plus starts in flight: what {@link #awaitAllEnded} still waits for. */
  public int unendedCount() {
    lock.lock();
    try {
      return running.size() + startsInFlight;
    } finally {
      lock.unlock();
    }
  }

  /** How many runs have ended here so far, however each ended. */
  public long endedCount() {
    lock.lock();
    try {
      return ended;
    } finally {
      lock.unlock();
    }
  }
}
