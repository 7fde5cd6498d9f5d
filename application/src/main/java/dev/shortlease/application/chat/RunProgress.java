package dev.shortlease.application.chat;

import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.application.port.out.TokenSink;
import dev.shortlease.domain.AnnotationId;
import dev.shortlease.domain.Texts;
import dev.shortlease.domain.TokenUsage;

/**
 * What a run has produced so far: the text (every streamed token, so a failure keeps it), the usage
 * summed over model calls, and the way to publish events. Used by the runner's thread only.
 */
final class RunProgress implements TokenSink {
  private final RunningChat run;
  private final StringBuilder text = new StringBuilder();
  private TokenUsage usage = TokenUsage.NONE;
  private AnnotationId annotation;

  RunProgress(RunningChat run) {
    this.run = run;
  }

  /**
   * A streamed token: kept for the answer and published as a text chunk, both as it can be stored
   * ({@link Texts#storable}), so the client sees what is saved.
   */
  @Override
  public void accept(String token) {
    if (token == null || token.isEmpty()) {
      return;
    }
    String storable = Texts.storable(token);
    text.append(storable);
    run.publish(new ChatEvent.TextChunk(storable));
  }

  /** The whole answer is {@code annotation}'s: kept for the save and published at once. */
  void annotationReply(AnnotationId annotation, String answer) {
    text.append(answer);
    this.annotation = annotation;
    run.publish(new ChatEvent.AnnotationReply(annotation, answer));
  }

  /** The annotation that answered, or {@code null}. */
  AnnotationId annotation() {
    return annotation;
  }

  void addUsage(TokenUsage more) {
    usage = usage.plus(more);
  }

  void publish(ChatEvent event) {
    run.publish(event);
  }

  StopSignal stopSignal() {
    return run.stopSignal();
  }

  boolean stopRequested() {
    return run.stopSignal().isRequested();
  }

  String text() {
    return text.toString();
  }

  int textLength() {
    return text.length();
  }

  TokenUsage usage() {
    return usage;
  }
}
