package dev.shortlease.bootstrap;

import dev.shortlease.application.port.out.ChatModelPort;
import dev.shortlease.application.port.out.ModelException;
import dev.shortlease.application.port.out.ModelReply;
import dev.shortlease.application.port.out.ModelRequest;
import dev.shortlease.application.port.out.StopSignal;
import dev.shortlease.application.port.out.TokenSink;
import dev.shortlease.guardrails.guard.ConnectionTracker;
import java.util.Locale;

/**
 * Composition root: decorates the chat model so each call is measured ({@link ModelCallMetrics})
 * and drawn on the live page's timeline ({@link ActivityRecorder}), in the unit of work of the chat
 * that made it.
 */
final class MeasuredChatModel implements ChatModelPort {
  private final ChatModelPort model;
  private final ModelCallMetrics metrics;
  private final ActivityRecorder recorder;
  private final ConnectionTracker tracker;
  private final String configuredModel;

  /** {@code configuredModel}: {@code LLM_MODEL}, what an app without a model of its own calls. */
  MeasuredChatModel(
      ChatModelPort model,
      ModelCallMetrics metrics,
      ActivityRecorder recorder,
      ConnectionTracker tracker,
      String configuredModel) {
    this.model = model;
    this.metrics = metrics;
    this.recorder = recorder;
    this.tracker = tracker;
    this.configuredModel = configuredModel;
  }

  @Override
  public ModelReply chat(ModelRequest request, TokenSink tokens, StopSignal stop) {
    long unit = tracker.currentUnitOfWork();
    long start = System.nanoTime();
    metrics.started();
    ModelReply reply = null;
    String error = null;
    try {
      reply = model.chat(request, tokens, stop);
      return reply;
    } catch (ModelException e) {
      error = e.kind().name().toLowerCase(Locale.ROOT);
      throw e;
    } catch (RuntimeException | Error e) {
      error = ModelCallMetrics.INTERNAL;
      throw e;
    } finally {
      long end = System.nanoTime();
      String name = request.settings().modelOr(configuredModel);
      metrics.ended(name, end - start, reply == null ? null : reply.usage(), error);
      recorder.modelCall(unit, start, end, error == null ? name : name + " (" + error + ")");
    }
  }

  @Override
  public boolean supportsVision() {
    return model.supportsVision();
  }

  @Override
  public boolean takesImageLinks() {
    return model.takesImageLinks();
  }
}
