package dev.shortlease.application.port.out;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A one-way flag that a stop request, a client disconnect or a time limit raises, and that
 * long-running work checks. Callbacks let a model adapter cancel its HTTP request at once.
 */
public final class StopSignal {
  private volatile boolean requested;
  private final List<Runnable> callbacks = new CopyOnWriteArrayList<>();

  public static StopSignal never() {
    return new StopSignal();
  }

  public void request() {
    if (requested) {
      return;
    }
    requested = true;
    callbacks.forEach(Runnable::run);
  }

  public boolean isRequested() {
    return requested;
  }

  /** Runs {@code callback} when a stop is requested (at once if it already was). */
  public void onRequest(Runnable callback) {
    callbacks.add(callback);
    if (requested) {
      callback.run();
    }
  }
}
