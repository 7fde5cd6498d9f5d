package dev.shortlease.bootstrap;

import dev.shortlease.adapter.persistence.tracking.ConnectionTracker;
import dev.shortlease.bootstrap.guard.GuardMode;
import dev.shortlease.bootstrap.guard.LeakCheck;
import dev.shortlease.bootstrap.guard.LongCallGuard;

/**
 * Composition root: the single place where the guard decorators plug in — the long-call guard (rule
 * R3) around the model port and the tools, and the leak check (rule R7) around every use case.
 * {@link GuardModule} and {@link ApplicationModule} call nothing else.
 */
final class Guards {
  private Guards() {}

  /** {@code delegate} guarded so that no call enters it while holding a pooled connection. */
  static <T> T longCall(Class<T> port, T delegate, ConnectionTracker tracker, String mode) {
    return LongCallGuard.guard(port, delegate, tracker, GuardMode.fromSetting(mode));
  }

  /** {@code delegate} checked for connections left checked out when it returns. */
  static <T> T leakChecked(Class<T> useCase, T delegate, ConnectionTracker tracker) {
    return LeakCheck.wrap(useCase, delegate, tracker);
  }
}
