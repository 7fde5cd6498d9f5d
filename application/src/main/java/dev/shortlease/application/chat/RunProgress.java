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
  private String heldHalf = ""; // a token's last unit when it is the first half of a pair
  private TokenUsage usage = TokenUsage.NONE;
  private AnnotationId annotation;

  RunProgress(RunningChat run) {
    this.run = run;
  }

  /**
   * A streamed token: kept for the answer and published as a text chunk, both as it can be stored
   * ({@link Texts#storable}), so the client sees what is saved. A token ending in the first half of
   * a surrogate pair keeps it for the next token: a provider may split an emoji between two, and a
   * chunk holding half of one is no text to a client that is not JavaScript.
   */
  @Override
  public void accept(String token) {
    if (token == null || token.isEmpty()) {
      return;
    }
    String joined = heldHalf.isEmpty() ? token : heldHalf + token;
    int last = joined.length() - 1;
    heldHalf = Character.isHighSurrogate(joined.charAt(last)) ? joined.substring(last) : "";
    if (!heldHalf.isEmpty()) {
      joined = joined.substring(0, last);
    }
    if (!joined.isEmpty()) {
      String storable = Texts.storable(joined);
      text.append(storable);
      run.publish(new ChatEvent.TextChunk(storable));
    }
  }

  /** The model's reply has ended: a half pair held back is no character, and is kept as U+FFFD. */
  void endOfReply() {
    if (!heldHalf.isEmpty()) {
      heldHalf = "";
      text.append('\uFFFD');
      run.publish(new ChatEvent.TextChunk("\uFFFD"));
    }
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
