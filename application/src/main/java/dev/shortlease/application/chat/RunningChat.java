package dev.shortlease.application.chat;

import dev.shortlease.application.limits.ActiveRequests;
import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.in.ChatRun;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.domain.AppId;
import dev.shortlease.domain.AppMode;
import dev.shortlease.domain.ConversationId;
import dev.shortlease.domain.MessageFile;
import dev.shortlease.domain.MessageId;
import dev.shortlease.domain.StartedTurn;
import dev.shortlease.domain.StopRequest;
import dev.shortlease.domain.TaskId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One generation as both sides see it: the consumer reads {@link #nextEvent}; the runner publishes
 * and watches {@link #stopSignal()}; the registry stops it. Holds IDs only, never the database.
 */
final class RunningChat implements ChatRun {
  private final TaskId taskId = TaskId.random();
  private final AppId appId;
  private final String user;
  private final AppMode mode;
  private final StartedTurn turn;
  private final EventBuffer events;
  private final StopSignal stop = new StopSignal();
  private final AtomicReference<StopReason> stopReason = new AtomicReference<>();
  private final List<MessageFile> files;
  private final ActiveRequests.Slot slot;

  RunningChat(
      AppId appId,
      String user,
      AppMode mode,
      StartedTurn turn,
      int queueCapacity,
      List<MessageFile> files,
      ActiveRequests.Slot slot) {
    this.files = List.copyOf(files);
    this.appId = appId;
    this.user = user;
    this.mode = mode;
    this.turn = turn;
    this.events = new EventBuffer(queueCapacity);
    this.slot = slot;
  }

  @Override
  public TaskId taskId() {
    return taskId;
  }

  @Override
  public MessageId messageId() {
    return turn.messageId();
  }

  @Override
  public ConversationId conversationId() {
    return turn.conversationId();
  }

  @Override
  public AppMode mode() {
    return mode;
  }

  @Override
  public Instant createdAt() {
    return turn.createdAt();
  }

  @Override
  public String user() {
    return user;
  }

  @Override
  public List<MessageFile> files() {
    return files;
  }

  @Override
  public Optional<ChatEvent> nextEvent(Duration timeout) throws InterruptedException {
    return events.next(timeout);
  }

  @Override
  public void disconnect() {
    events.close();
    requestStop(StopReason.CLIENT_DISCONNECT);
  }

  /** The stop request that ends this run: its task, sent by its app and user. */
  StopRequest ownersStop() {
    return new StopRequest(appId, user, taskId);
  }

  boolean isOwnedBy(AppId app, String externalUser) {
    return appId.equals(app) && user.equals(externalUser);
  }

  /** The first reason wins; later requests change nothing. */
  void requestStop(StopReason reason) {
    stopReason.compareAndSet(null, reason);
    stop.request();
  }

  StopSignal stopSignal() {
    return stop;
  }

  Optional<StopReason> stopReason() {
    return Optional.ofNullable(stopReason.get());
  }

  /** Gives the run's place among the active requests back (any later call does nothing). */
  void releaseSlot() {
    slot.close();
  }

  void publish(ChatEvent event) {
    events.publish(event);
  }
}
