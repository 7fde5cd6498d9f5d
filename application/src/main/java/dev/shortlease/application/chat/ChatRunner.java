package dev.shortlease.application.chat;

import dev.shortlease.application.conversation.ConversationNamer;
import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.out.ImageInputException;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.DomainException;
import dev.shortlease.domain.MessageOutcome;
import dev.shortlease.domain.MessageStatus;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The App Runner of one message, on its own thread: generates with no connection held, then always
 * — normal end, stop, disconnect, model error, any other error, time limit — saves the text so far
 * in T4 and only then publishes the terminal event (rule R5). Auto-naming follows, after the client
 * already has its {@code message_end}.
 */
final class ChatRunner implements Runnable {
  /** One timer for every run's time limit: a sleeping thread per run cost more than the run. */
  private static final ScheduledThreadPoolExecutor TIME_LIMITS = timeLimitTimer();

  private static final System.Logger LOG = System.getLogger(ChatRunner.class.getName());

  private final ChatContext context;
  private final RunningChat run;
  private final AnswerGenerator generator;
  private final FinalSave finalSave;
  private final RunRegistry registry;
  private final ConversationNamer namer;
  private final Duration timeLimit;

  ChatRunner(
      ChatContext context,
      RunningChat run,
      AnswerGenerator generator,
      FinalSave finalSave,
      RunRegistry registry,
      ConversationNamer namer,
      Duration timeLimit) {
    this.context = context;
    this.run = run;
    this.generator = generator;
    this.finalSave = finalSave;
    this.registry = registry;
    this.namer = namer;
    this.timeLimit = timeLimit;
  }

  @Override
  public void run() {
    RunProgress progress = new RunProgress(run);
    ScheduledFuture<?> timeLimitCheck = null;
    Throwable failure = null;
    try {
      // Inside the try: a setup that fails still ends the message and frees the slot (rule R5).
      timeLimitCheck =
          TIME_LIMITS.schedule(
              () -> run.requestStop(StopReason.TIME_LIMIT),
              timeLimit.toNanos(),
              TimeUnit.NANOSECONDS);
      generator.generate(context, progress);
    } catch (Throwable t) {
      failure = t;
    } finally {
      if (timeLimitCheck != null) {
        timeLimitCheck.cancel(false);
      }
      end(progress, failure);
    }
    if (context.autoName() && run.stopReason().orElse(null) != StopReason.SHUTDOWN) {
      autoName();
    }
    if (failure instanceof Error error) {
      throw error;
    }
  }

  private static ScheduledThreadPoolExecutor timeLimitTimer() {
    var timer =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().daemon().name("chat-time-limits").factory());
    timer.setRemoveOnCancelPolicy(true); // finished runs leave nothing queued
    return timer;
  }

  private void end(RunProgress progress, Throwable failure) {
    try {
      progress.endOfReply(); // a reply cut short by a failure or a stop
      RunEnding ending = RunEnding.of(run.stopReason(), failure);
      if (ending.status() == MessageStatus.ERROR
          && !(failure instanceof ModelException || failure instanceof ImageInputException)) {
        // The client is told only that it failed (and may be gone): the stack goes to the log.
        LOG.log(
            System.Logger.Level.ERROR,
            "message " + context.turn().messageId() + " failed unexpectedly",
            failure);
      }
      Duration latency = Duration.ofNanos(System.nanoTime() - context.startNanos());
      MessageOutcome outcome = ending.outcome(progress.text(), progress.usage(), latency);
      FinalSave.Result saved = finalSave.save(context.owner(), context.turn().messageId(), outcome);
      // Freed before the terminal event: a client that sends its next chat on message_end finds
      // its place free.
      run.releaseSlot();
      run.publish(
          switch (saved) {
            case SAVED -> ending.event(progress.usage(), latency, progress.annotation());
            case REFUSED ->
                ChatEvent.Failed.internal(
                    "The message had already been ended elsewhere; this answer was not saved.");
            case SPOOLED ->
                ChatEvent.Failed.internal(
                    "The answer could not be saved yet ("
                        + spooledBecause()
                        + "); it is kept and will be saved when the database is back.");
            case LOST -> ChatEvent.Failed.internal("The answer could not be saved.");
          });
    } finally {
      run.releaseSlot();
      registry.unregister(run);
    }
  }

  /** Shutdown cuts the save short well inside the window: naming the window would mislead. */
  private String spooledBecause() {
    return registry.saveRetriesAbandoned()
        ? "the service is shutting down and the database did not answer in time"
        : "the database did not take it within " + finalSave.window().toSeconds() + " s";
  }

  private void autoName() {
    try {
      namer.nameIfUnnamed(context.owner(), context.turn().conversationId());
    } catch (RuntimeException e) {
      // Best effort: the conversation keeps no name and can be renamed later. An answer (deleted
      // meanwhile, the database away) is normal; anything else is a bug this line is the only
      // trace of, as Hibernate logs no SQL error.
      ConversationId id = context.turn().conversationId();
      if (e instanceof DomainException) {
        LOG.log(System.Logger.Level.DEBUG, "conversation " + id + " not named: " + e.getMessage());
      } else {
        LOG.log(System.Logger.Level.WARNING, "conversation " + id + " not named", e);
      }
    }
  }
}
