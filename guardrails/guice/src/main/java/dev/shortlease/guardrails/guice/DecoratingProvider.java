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
  private final Guardrails.Decorator inner; // the service's own, or null

  DecoratingProvider(
      Guardrails.Role role,
      Class<T> type,
      Key<T> undecorated,
      Provider<T> target,
      Provider<ConnectionTracker> tracker,
      GuardMode mode,
      Guardrails.Decorator inner) {
    this.role = role;
    this.inner = inner;
    this.type = type;
    this.undecorated = undecorated;
    this.target = target;
    this.tracker = tracker;
    this.mode = mode;
  }

  @Override
  public T get() {
    T instance = target.get();
    if (inner != null) {
      instance = inner.decorate(type, instance);
    }
    return switch (role) {
      case LONG_CALL -> LongCallGuard.guard(type, instance, tracker.get(), mode);
      case USE_CASE -> LeakCheck.wrap(type, instance, tracker.get());
      case NONE -> instance;
    };
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
    String what =
        switch (role) {
          case LONG_CALL -> "guarded ";
          case USE_CASE -> "leak-checked ";
          case NONE -> "decorated ";
        };
    return what + undecorated;
  }
}
