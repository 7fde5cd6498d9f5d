package dev.shortlease.guardrails.testkit;

import dev.shortlease.guardrails.guard.ConnectionTracker;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.AssertionFailedError;

/**
 * JUnit 5 extension: fails a test that ends with a pooled connection still checked out, naming
 * where it was acquired. With {@code @ExtendWith(PoolIdleExtension.class)} it checks every {@link
 * ConnectionTracker} field of the test instance (static ones too); registered with
 * {@code @RegisterExtension static PoolIdleExtension idle = PoolIdleExtension.of(() -> tracker)} it
 * checks that tracker, and may also require that no leak or guard violation was counted during the
 * test ({@link #requireSilentDetectors()}) or wait for background work to return its connections
 * ({@link #awaitingIdleFor}).
 */
public final class PoolIdleExtension implements BeforeEachCallback, AfterEachCallback {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(PoolIdleExtension.class);

  private final Supplier<ConnectionTracker> tracker;
  private final boolean silentDetectors;
  private final Duration grace;

  /** For {@code @ExtendWith}: checks the test instance's ConnectionTracker fields. */
  public PoolIdleExtension() {
    this(null, false, Duration.ZERO);
  }

  private PoolIdleExtension(
      Supplier<ConnectionTracker> tracker, boolean silentDetectors, Duration grace) {
    this.tracker = tracker;
    this.silentDetectors = silentDetectors;
    this.grace = grace;
  }

  /** Checks the tracker {@code tracker} supplies (read after each test). */
  public static PoolIdleExtension of(Supplier<ConnectionTracker> tracker) {
    return new PoolIdleExtension(Objects.requireNonNull(tracker, "tracker"), false, Duration.ZERO);
  }

  /** Also fails a test during which a leak or a long-call guard violation was counted. */
  public PoolIdleExtension requireSilentDetectors() {
    return new PoolIdleExtension(tracker, true, grace);
  }

  /** Waits up to {@code grace} for connections still in use by work the test started. */
  public PoolIdleExtension awaitingIdleFor(Duration grace) {
    return new PoolIdleExtension(tracker, silentDetectors, Objects.requireNonNull(grace));
  }

  @Override
  public void beforeEach(ExtensionContext context) {
    List<long[]> counts = new ArrayList<>();
    for (ConnectionTracker each : trackers(context)) {
      counts.add(new long[] {each.leaks(), each.guardViolations()});
    }
    context.getStore(NAMESPACE).put("counts", counts);
  }

  @Override
  public void afterEach(ExtensionContext context) throws InterruptedException {
    List<ConnectionTracker> trackers = trackers(context);
    if (trackers.isEmpty()) {
      throw new AssertionFailedError(
          "PoolIdleExtension found no ConnectionTracker: add a field of that type to "
              + context.getRequiredTestClass().getSimpleName()
              + " or register PoolIdleExtension.of(() -> tracker)");
    }
    @SuppressWarnings("unchecked")
    List<long[]> before = context.getStore(NAMESPACE).get("counts", List.class);
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < trackers.size(); i++) {
      ConnectionTracker each = trackers.get(i);
      awaitIdle(each);
      if (each.openLeases() > 0) {
        problems.add("the test left the pool busy: " + each.describeOpenLeases());
      }
      if (silentDetectors && before != null && i < before.size()) {
        long leaks = each.leaks() - before.get(i)[0];
        long violations = each.guardViolations() - before.get(i)[1];
        if (leaks > 0 || violations > 0) {
          problems.add(
              "detectors tripped during the test: "
                  + leaks
                  + " leak(s), "
                  + violations
                  + " long-call guard violation(s) (see the log)");
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new AssertionFailedError(String.join("\n", problems));
    }
  }

  private void awaitIdle(ConnectionTracker each) throws InterruptedException {
    long deadline = System.nanoTime() + grace.toNanos();
    while (each.openLeases() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
  }

  private List<ConnectionTracker> trackers(ExtensionContext context) {
    if (tracker != null) {
      ConnectionTracker supplied = tracker.get();
      return supplied == null ? List.of() : List.of(supplied);
    }
    Set<ConnectionTracker> found = new LinkedHashSet<>();
    for (Object instance : context.getRequiredTestInstances().getAllInstances()) {
      for (Class<?> type = instance.getClass(); type != Object.class; type = type.getSuperclass()) {
        for (Field field : type.getDeclaredFields()) {
          if (field.getType() == ConnectionTracker.class) {
            found.add(read(field, instance));
          }
        }
      }
    }
    found.remove(null);
    return List.copyOf(found);
  }

  private static ConnectionTracker read(Field field, Object instance) {
    try {
      field.setAccessible(true);
      return (ConnectionTracker) field.get(instance);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read " + field, e);
    }
  }
}
