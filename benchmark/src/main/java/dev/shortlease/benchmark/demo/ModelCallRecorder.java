package dev.shortlease.benchmark.demo;

import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.port.out.ModelReply;
import dev.shortlease.application.port.out.ModelRequest;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.application.port.out.TokenSink;
import java.util.ArrayList;
import java.util.List;

/**
 * Demonstration: the model port with its calls timed, so a chat's timeline shows the model call
 * beside the connection leases. Bound where tests bind a scripted model; the guard still wraps it.
 */
final class ModelCallRecorder implements ChatModelPort {

  private final ChatModelPort model;
  private final List<Timeline.Span> recorded = new ArrayList<>();
  private volatile boolean record;

  ModelCallRecorder(ChatModelPort model) {
    this.model = model;
  }

  @Override
  public ModelReply chat(ModelRequest request, TokenSink tokens, StopSignal stop) {
    long start = System.nanoTime();
    try {
      return model.chat(request, tokens, stop);
    } finally {
      if (record) {
        synchronized (recorded) {
          recorded.add(new Timeline.Span("model", start, System.nanoTime()));
        }
      }
    }
  }

  void startRecording() {
    synchronized (recorded) {
      recorded.clear();
    }
    record = true;
  }

  List<Timeline.Span> stopRecording() {
    record = false;
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }
}
