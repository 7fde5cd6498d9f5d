package dev.shortlease.guardrails.guard;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Which unit of work the current thread belongs to, and how a unit crosses threads.
 *
 * <p>A thread is in a unit when it entered one ({@link #begin()}, or a task wrapped by {@link
 * #propagate}), or when it is a <em>virtual</em> thread started by a thread that was in one.
 * Virtual threads are created per task and never pooled, so the thread that starts one starts it
 * for its own work. A platform thread never takes a unit from the thread that created it: platform
 * threads are pooled, and a pool creates its workers lazily from whichever task happens to submit
 * first. An {@link InheritableThreadLocal} alone (the first version of this tracker) let such a
 * worker keep that first unit forever, so every later, unrelated task on it counted as part of it:
 * it saw the first call's connections and its own were blamed on the first call. Work handed to a
 * pool keeps its unit only when handed on explicitly ({@link
 * ConnectionTracker#propagate(Runnable)}, {@link
 * ConnectionTracker#propagating(java.util.concurrent.Executor)}).
 *
 * <p>Why not {@code ScopedValue}: it is a preview API in Java 21 (final only in Java 25), and the
 * kit compiles with {@code --release 21} without preview features. It would not span the threads a
 * call starts either: a scoped value is inherited only by {@code StructuredTaskScope} forks, not by
 * {@code Thread.start()} or an executor, which is how services start their background work.
 */
final class UnitsOfWork {
  private static final AtomicLong IDS = new AtomicLong();

  /** One unit; identity is what matters, the number is for reading. */
  static final class Unit {
    private final long id = IDS.incrementAndGet();

    long id() {
      return id;
    }

    @Override
    public String toString() {
      return "unit-" + id;
    }
  }

  private final ThreadLocal<Unit> entered = new ThreadLocal<>();

  // Exists only to carry a unit into virtual threads; childValue runs on the parent thread, so the
  // child gets the parent's effective unit, never a stale value a pooled parent once inherited.
  private final InheritableThreadLocal<Unit> inherited =
      new InheritableThreadLocal<>() {
        @Override
        protected Unit childValue(Unit parentValue) {
          return current();
        }
      };

  /** The calling thread's unit, or null. */
  Unit current() {
    Unit unit = entered.get();
    if (unit != null) {
      return unit;
    }
    return Thread.currentThread().isVirtual() ? inherited.get() : null;
  }

  UnitOfWork begin() {
    return enter(new Unit());
  }

  Runnable propagate(Runnable task) {
    Objects.requireNonNull(task, "task");
    Unit unit = current();
    return () -> {
      try (UnitOfWork ignored = enter(unit)) {
        task.run();
      }
    };
  }

  /** Makes {@code unit} (null: none) the calling thread's until the handle is closed. */
  private UnitOfWork enter(Unit unit) {
    Unit enteredBefore = entered.get();
    Unit inheritedBefore = inherited.get();
    Thread thread = Thread.currentThread();
    entered.set(unit);
    inherited.set(unit);
    return () -> {
      if (Thread.currentThread() != thread) {
        throw new IllegalStateException(
            "a unit of work must be closed on the thread that began it");
      }
      restore(entered, enteredBefore);
      restore(inherited, inheritedBefore);
    };
  }

  private static void restore(ThreadLocal<Unit> local, Unit value) {
    if (value == null) {
      local.remove();
    } else {
      local.set(value);
    }
  }
}
