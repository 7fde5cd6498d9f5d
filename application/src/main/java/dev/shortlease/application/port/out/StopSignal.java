package dev.shortlease.application.port.out;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A one-way flag that a stop request, a client disconnect or a time limit raises, and that
 * long-running work checks. Callbacks let a model adapter cancel its HTTP request at once.
 *
 * <p>A callback is registered for as long as the work it cancels lasts: {@link #onRequest} answers
 * a {@link Registration} whose {@link Registration#close()} drops it, so a signal that lives for a
 * whole run (a download hop, an image, a model call each register one) keeps only the callbacks of
 * work still in progress. Each callback runs at most once: whoever removes it from the set first (a
 * {@link #request()} or the registering thread that finds the signal raised already) runs it; a
 * registration closed before that never runs. Callbacks run in no particular order.
 */
public final class StopSignal {
  private final AtomicBoolean requested = new AtomicBoolean();
  private final Set<Registration> callbacks = ConcurrentHashMap.newKeySet();

  public static StopSignal never() {
    return new StopSignal();
  }

  /** Raises the signal and runs every callback still registered (once; later calls do nothing). */
  public void request() {
    if (!requested.compareAndSet(false, true)) {
      return;
    }
    for (Registration registration : callbacks) {
      registration.runIfFirst();
    }
  }

  public boolean isRequested() {
    return requested.get();
  }

  /**
   * Runs {@code callback} when a stop is requested (at once, on this thread, if it already was),
   * until the answered registration is closed.
   */
  public Registration onRequest(Runnable callback) {
    Registration registration = new Registration(callback);
    callbacks.add(registration);
    // Added before reading the flag, and request() raises the flag before walking the set: either
    // that walk sees this registration or this read sees the flag. runIfFirst settles who runs it.
    if (requested.get()) {
      registration.runIfFirst();
    }
    return registration;
  }

  /** How many callbacks are registered and neither run nor closed (tests, diagnostics). */
  public int registered() {
    return callbacks.size();
  }

  /** One registered callback; closing it unregisters it (a callback already run stays run). */
  public final class Registration implements AutoCloseable {
    private final Runnable callback;

    private Registration(Runnable callback) {
      this.callback = callback;
    }

    private void runIfFirst() {
      if (callbacks.remove(this)) {
        callback.run();
      }
    }

    @Override
    public void close() {
      callbacks.remove(this);
    }
  }
}
