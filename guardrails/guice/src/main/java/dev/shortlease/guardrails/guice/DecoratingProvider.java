package dev.shortlease.guardrails.guice;

import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.spi.Dependency;
import com.google.inject.spi.HasDependencies;
import dev.shortlease.guardrails.guard.ConnectionTracker;
import dev.shortlease.guardrails.guard.GuardMode;
import dev.shortlease.guardrails.guard.LeakCheck;
import dev.shortlease.guardrails.guard.LongCallGuard;
import java.util.Set;

/** Provides a rewritten binding: its original target behind the guard or the leak check. */
final class DecoratingProvider<T> implements Provider<T>, HasDependencies {
  private final Guardrails.Role role;
  private final Class<T> type;
  private final Key<T> undecorated;
  private final Provider<T> target;
  private final Provider<ConnectionTracker> tracker;
  private final GuardMode mode;

  DecoratingProvider(
      Guardrails.Role role,
      Class<T> type,
      Key<T> undecorated,
      Provider<T> target,
      Provider<ConnectionTracker> tracker,
      GuardMode mode) {
    this.role = role;
    this.type = type;
    this.undecorated = undecorated;
    this.target = target;
    this.tracker = tracker;
    this.mode = mode;
  }

  @Override
  public T get() {
    T instance = target.get();
    return role == Guardrails.Role.LONG_CALL
        ? LongCallGuard.guard(type, instance, tracker.get(), mode)
        : LeakCheck.wrap(type, instance, tracker.get());
  }

  Guardrails.Role role() {
    return role;
  }

  @Override
  public Set<Dependency<?>> getDependencies() {
    return Set.of(Dependency.get(undecorated), Dependency.get(Key.get(ConnectionTracker.class)));
  }

  @Override
  public String toString() {
    return (role == Guardrails.Role.LONG_CALL ? "guarded " : "leak-checked ") + undecorated;
  }
}
