package dev.shortlease.adapter.persistence.tracking;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ConnectionInfo;
import net.ttddyy.dsproxy.listener.MethodExecutionContext;
import net.ttddyy.dsproxy.listener.MethodExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;

/**
 * Connection tracker: records which pooled connections are checked out, by which thread and unit of
 * work, and where they were acquired (rules R3 and R7), and counts leaks and guard violations
 * reported by other modules.
 *
 * <p>A <em>unit of work</em> is one use-case call ({@link #beginUnitOfWork()}) together with the
 * threads it starts, which inherit it: a request's generation thread belongs to the request. So a
 * connection the request thread holds is visible from the thread that calls the model, which a
 * per-thread view cannot see (the connection-per-request anti-pattern holds it exactly that way).
 *
 * <p>Built on datasource-proxy: {@link #wrap(DataSource)} returns a proxy whose {@code
 * getConnection()} and {@code Connection.close()} are observed. The acquiring stack is captured as
 * an unformatted {@link Throwable} (cheap: the JVM fills the frames lazily) and only rendered by
 * {@link #describeHeldByCurrentThread()}.
 */
public final class ConnectionTracker {

  private static final int FRAMES_SHOWN = 15;
  private static final int EXTRA_APPLICATION_FRAMES = 5;
  private static final String APPLICATION_PACKAGE = "dev.shortlease.";
  private static final List<String> PLUMBING_PREFIXES =
      List.of(
          ConnectionTracker.class.getName() + "$",
          "net.ttddyy.dsproxy.",
          "jdk.proxy",
          "java.lang.reflect.",
          "jdk.internal.reflect.");

  /** One checked-out connection: who took it, in which unit of work, when, and from where. */
  private record Lease(
      String connectionId, Thread owner, Object work, long acquiredAtNanos, Throwable site) {

    boolean heldBy(Thread thread, Object currentWork) {
      return owner == thread || (currentWork != null && work == currentWork);
    }
  }

  /** Closes a unit of work: the thread returns to the one it was in before. */
  public interface UnitOfWork extends AutoCloseable {
    @Override
    void close();
  }

  private final Map<ConnectionInfo, Lease> open = new ConcurrentHashMap<>();
  private final AtomicLong acquisitions = new AtomicLong();
  private final AtomicLong leaks = new AtomicLong();
  private final AtomicLong guardViolations = new AtomicLong();
  // Inherited by threads started inside a unit of work (virtual threads included, by default).
  private final InheritableThreadLocal<Object> currentWork = new InheritableThreadLocal<>();

  /** Returns the proxy every caller must use instead of {@code pooled}. */
  public DataSource wrap(DataSource pooled) {
    Objects.requireNonNull(pooled, "pooled");
    return ProxyDataSourceBuilder.create("shortlease", pooled)
        .methodListener(new Listener())
        .buildProxy();
  }

  /**
   * Makes the calling thread, and every thread it starts until the returned handle is closed, one
   * unit of work. Nested units are allowed; closing one restores the enclosing one.
   */
  public UnitOfWork beginUnitOfWork() {
    Object enclosing = currentWork.get();
    currentWork.set(new Object());
    return () -> {
      if (enclosing == null) {
        currentWork.remove();
      } else {
        currentWork.set(enclosing);
      }
    };
  }

  /** Open connections obtained by the calling thread and not yet closed. */
  public int heldByCurrentThread() {
    return count(Thread.currentThread(), null);
  }

  /**
   * Open connections obtained by the calling thread or by any thread of its unit of work: what a
   * long call must not start with (rule R3).
   */
  public int heldByCurrentWork() {
    return count(Thread.currentThread(), currentWork.get());
  }

  /** One block per connection held by the calling thread, each with its acquiring stack. */
  public String describeHeldByCurrentThread() {
    return describe(Thread.currentThread(), null);
  }

  /** As {@link #describeHeldByCurrentThread()}, for the calling thread's whole unit of work. */
  public String describeHeldByCurrentWork() {
    return describe(Thread.currentThread(), currentWork.get());
  }

  private int count(Thread thread, Object work) {
    int count = 0;
    for (Lease lease : open.values()) {
      if (lease.heldBy(thread, work)) {
        count++;
      }
    }
    return count;
  }

  private List<Lease> heldBy(Thread thread, Object work) {
    return open.values().stream().filter(lease -> lease.heldBy(thread, work)).toList();
  }

  private String describe(Thread me, Object work) {
    List<Lease> held = heldBy(me, work);
    if (held.isEmpty()) {
      return "thread " + me.getName() + " holds no pooled connection";
    }
    boolean onlyMine = held.stream().allMatch(lease -> lease.owner() == me);
    String holder =
        onlyMine ? "thread " + me.getName() : "the unit of work of thread " + me.getName();
    long now = System.nanoTime();
    return held.stream()
        .map(lease -> describe(lease, now))
        .collect(
            Collectors.joining(
                "\n", holder + " holds " + held.size() + " pooled connection(s):\n", ""));
  }

  public void recordLeak() {
    leaks.incrementAndGet();
  }

  public long leaks() {
    return leaks.get();
  }

  public void recordGuardViolation() {
    guardViolations.incrementAndGet();
  }

  public long guardViolations() {
    return guardViolations.get();
  }

  /** Total connections handed out through every wrapped data source. */
  public long acquisitions() {
    return acquisitions.get();
  }

  private static String describe(Lease lease, long now) {
    long heldMillis = (now - lease.acquiredAtNanos()) / 1_000_000;
    StringBuilder out =
        new StringBuilder()
            .append("connection ")
            .append(lease.connectionId())
            .append(" taken by thread ")
            .append(lease.owner().getName())
            .append(", held for ")
            .append(heldMillis)
            .append(" ms, acquired at:\n");
    StackTraceElement[] frames = lease.site().getStackTrace();
    int first = 0;
    while (first < frames.length && isPlumbing(frames[first])) {
      first++;
    }
    int end = Math.min(frames.length, first + FRAMES_SHOWN);
    for (int i = first; i < end; i++) {
      out.append("    at ").append(frames[i]).append('\n');
    }
    // Deep framework stacks (Hibernate) can push our own code past the cut; show where it entered.
    int extra = 0;
    for (int i = end; i < frames.length && extra < EXTRA_APPLICATION_FRAMES; i++) {
      if (frames[i].getClassName().startsWith(APPLICATION_PACKAGE)) {
        out.append(extra == 0 ? "    ...\n" : "").append("    at ").append(frames[i]).append('\n');
        extra++;
      }
    }
    return out.toString();
  }

  private static boolean isPlumbing(StackTraceElement frame) {
    String cls = frame.getClassName();
    for (String prefix : PLUMBING_PREFIXES) {
      if (cls.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** Observes getConnection() on the data source and close() on the connections it returns. */
  private final class Listener implements MethodExecutionListener {
    @Override
    public void beforeMethod(MethodExecutionContext context) {}

    @Override
    public void afterMethod(MethodExecutionContext context) {
      if (context.getThrown() != null) {
        return;
      }
      ConnectionInfo info = context.getConnectionInfo();
      if (info == null) {
        return;
      }
      String method = context.getMethod().getName();
      if (context.getTarget() instanceof DataSource && method.equals("getConnection")) {
        acquisitions.incrementAndGet();
        open.put(
            info,
            new Lease(
                info.getConnectionId(),
                Thread.currentThread(),
                currentWork.get(),
                System.nanoTime(),
                new Throwable()));
      } else if (context.getTarget() instanceof Connection && method.equals("close")) {
        open.remove(info);
      }
    }
  }
}
