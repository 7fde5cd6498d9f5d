package dev.shortlease.bootstrap;

import dev.shortlease.adapter.persistence.tracking.ConnectionTracker;

/**
 * Composition root: the single place where the guard decorators plug in — the long-call guard
 * (rule R3) around the model port and the tools, and the leak check (rule R7) around every use
 * case. {@link GuardModule} and {@link ApplicationModule} call nothing else.
 *
 * <p>Until the {@code dev.shortlease.bootstrap.guard} package is on this branch, both methods pass
 * the delegate through; with it, they become {@code LongCallGuard.guard(port, delegate, tracker,
 * GuardMode.fromSetting(mode))} and {@code LeakCheck.wrap(useCase, delegate, tracker)}.
 */
final class Guards {
  private Guards() {}

  /** {@code delegate} guarded so that no call enters it while holding a pooled connection. */
  static <T> T longCall(Class<T> port, T delegate, ConnectionTracker tracker, String mode) {
    return delegate;
  }

  /** {@code delegate} checked for connections left checked out when it returns. */
  static <T> T leakChecked(Class<T> useCase, T delegate, ConnectionTracker tracker) {
    return delegate;
  }
}
