package dev.shortlease.guardrails.guice;

import com.google.inject.Key;
import com.google.inject.Provider;
import com.google.inject.spi.Dependency;
import com.google.inject.spi.HasDependencies;
import dev.shortlease.guardrails.guard.ConnectionTracker;
import dev.shortlease.guardrails.guard.GuardMode;
import dev.shortlease.guardrails.guard.LeakCheck;
import dev.shortlease.guardrails.guard.LongCallGuard;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Provides a rewritten binding: its original target behind the guard or the leak check. */
final class DecoratingProvider<T> implements Provider<T>, HasDependencies {
  private final Guardrails.Role role;
  private final Class<T> type;
  private final Key<T> undecorated;
  private final Provider<T> target;
  private final List<Key<ConnectionTracker>> trackerKeys;
  private final List<Provider<ConnectionTracker>> trackers; // one per data source, usually one
  private final GuardMode mode;
  private final Guardrails.Decorator inner; // the service's own, or null

  DecoratingProvider(
      Guardrails.Role role,
      Class<T> type,
      Key<T> undecorated,
      Provider<T> target,
      List<Key<ConnectionTracker>> trackerKeys,
      List<Provider<ConnectionTracker>> trackers,
      GuardMode mode,
      Guardrails.Decorator inner) {
    this.role = role;
    this.inner = inner;
    this.type = type;
    this.undecorated = undecorated;
    this.target = target;
    this.trackerKeys = List.copyOf(trackerKeys);
    this.trackers = List.copyOf(trackers);
    this.mode = mode;
  }

  @Override
  public T get() {
    T instance = target.get();
    if (inner != null) {
      instance = inner.decorate(type, instance);
    }
    if (role == Guardrails.Role.NONE) {
      return instance;
    }
    List<ConnectionTracker> all = trackers.stream().map(Provider::get).toList();
    return role == Guardrails.Role.LONG_CALL
        ? LongCallGuard.guard(type, instance, all, mode)
        : LeakCheck.wrap(type, instance, all);
  }

  Guardrails.Role role() {
    return role;
  }

  @Override
  public Set<Dependency<?>> getDependencies() {
    Set<Dependency<?>> dependencies = new LinkedHashSet<>();
    dependencies.add(Dependency.get(undecorated));
    trackerKeys.forEach(key -> dependencies.add(Dependency.get(key)));
    return Set.copyOf(dependencies);
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
