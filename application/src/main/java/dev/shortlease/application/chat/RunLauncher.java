package dev.shortlease.application.chat;

import dev.shortlease.application.ChatExecutor;
import dev.shortlease.application.ChatSettings;
import dev.shortlease.application.limits.ActiveRequests;
import dev.shortlease.application.port.in.ChatRun;
import jakarta.inject.Inject;
import java.util.concurrent.RejectedExecutionException;

/**
 * Launches a started chat's run: registers it for shutdown and hands its runner to the executor,
 * which generates on its own thread with no connection held.
 */
public final class RunLauncher {
  private final RunRegistry registry;
  private final ChatRunners runners;
  private final ChatExecutor executor;
  private final ChatSettings settings;

  @Inject
  public RunLauncher(
      RunRegistry registry, ChatRunners runners, ChatExecutor executor, ChatSettings settings) {
    this.registry = registry;
    this.runners = runners;
    this.executor = executor;
    this.settings = settings;
  }

  /**
   * Marks a start in flight, before T1: once shutdown has begun stopping runs this throws {@link
   * dev.shortlease.application.port.in.ShuttingDownException}; a start that began before is waited
   * for until its run is registered or the returned start is closed ({@link
   * RunRegistry#beginStart()}).
   */
  public RunRegistry.Start beginStart() {
    return registry.beginStart();
  }

  /** Registers the run, then starts it; the slot is the run's from here until it ends. */
  public ChatRun launch(
      ChatContext context, String user, ActiveRequests.Slot slot, RunRegistry.Start start) {
    RunningChat run =
        new RunningChat(
            context.app().id(),
            user,
            context.app().mode(),
            context.turn(),
            settings.eventQueueCapacity(),
            context.files(),
            slot);
    Runnable runner = runners.create(context, run);
    registry.register(run, start); // from here the run is shutdown's to stop and wait for
    try {
      executor.execute(runner);
    } catch (RejectedExecutionException e) {
      // Shutting down: end at once as stopped, on this thread; the model is never called.
      run.requestStop(StopReason.SHUTDOWN);
      runner.run();
    } catch (RuntimeException | Error e) {
      // No thread for the run (out of memory, say): it never started, so shutdown has nothing to
      // wait for; the caller ends its message and frees its slot.
      registry.unregister(run);
      throw e;
    }
    return run;
  }
}
