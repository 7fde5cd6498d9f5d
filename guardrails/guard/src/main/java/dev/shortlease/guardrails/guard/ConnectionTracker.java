package dev.shortlease.guardrails.guard;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Connection tracker: records which pooled connections are checked out, by which thread and unit of
 * work, and where they were acquired; counts acquisitions, leaks and long-call guard violations.
 *
 * <p>{@link #wrap(DataSource)} returns a data source whose {@code getConnection()} and {@code
 * Connection.close()} are observed by plain delegation ({@link TrackedDataSource}); statements are
 * the driver's own, so the tracker costs nothing per statement. A connection closed through them
 * ({@code statement.getConnection().close()}) skips that {@code close()}; the tracker ends such a
 * lease when a check comes to it (ADR 0055). The acquiring stack is kept as an unformatted {@link
 * Throwable}, taken before the borrow (recording its frames is the dearest part of a checkout) and
 * turned into text only when a failure is described; {@link Builder#acquiringStacks} says whether
 * every checkout records one or only those after the tracker's first report (ADR 0057).
 *
 * <p>A <em>unit of work</em> ({@link #beginUnitOfWork()}) is one call together with the threads it
 * starts, so a connection the calling thread holds is visible from the thread that makes the remote
 * call. See {@link UnitsOfWork} for how it crosses threads. Units are shared by every tracker: a
 * unit begun, or a task handed on, through one tracker is the same unit for the others, so a
 * service with a tracker per data source checks each against one call.
 */
public final class ConnectionTracker {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionTracker.class);

  private final String name;
  private final StackRenderer stacks;
  private final AcquiringStacks acquiringStacks;
  // Read on every checkout; set once, by the first description of a lease taken without a stack.
  private volatile boolean recordingStacks;
  // A unit of work is one call, not one pool's: every tracker shares them, so a service with a
  // tracker per data source begins, and hands on, one unit through any of them.
  private static final UnitsOfWork UNITS = new UnitsOfWork();
  private final Map<Lease, Boolean> open = new ConcurrentHashMap<>();
  private final AtomicLong connectionIds = new AtomicLong();
  private final AtomicLong acquisitions = new AtomicLong();
  private final AtomicLong leaks = new AtomicLong();
  private final AtomicLong guardViolations = new AtomicLong();
  private final LongAdder leasesEnded = new LongAdder();
  private final LongAdder leaseNanos = new LongAdder();
  private final Map<String, AtomicLong> violationSites = new ConcurrentHashMap<>();
  private final List<LeaseListener> leaseListeners = new CopyOnWriteArrayList<>();
  // Null (the default) costs one volatile read per checkout: tracing off stays free.
  private volatile LeaseObserver observer;

  private ConnectionTracker(Builder builder) {
    this.name = builder.name;
    this.stacks = new StackRenderer(builder.applicationPackages);
    this.acquiringStacks = builder.acquiringStacks;
    this.recordingStacks = builder.acquiringStacks == AcquiringStacks.EVERY_CHECKOUT;
  }

  /** A tracker with no application packages: failure stacks show the first frames only. */
  public static ConnectionTracker create() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Settings of a tracker; every one optional. */
  public static final class Builder {
    private String name = "default";
    private List<String> applicationPackages = List.of();
    private AcquiringStacks acquiringStacks = AcquiringStacks.EVERY_CHECKOUT;

    private Builder() {}

    /** Names the tracker in metrics ({@code tracker} tag). */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    /**
     * Package prefixes of your own code (e.g. {@code "com.example.ticketing."}). When a framework's
     * stack pushes them past the shown frames, failures still show where your code entered.
     */
    public Builder applicationPackages(String... prefixes) {
      this.applicationPackages = List.of(prefixes);
      return this;
    }

    /**
     * When checkouts record their acquiring stacks; {@link AcquiringStacks#EVERY_CHECKOUT} unless
     * set.
     */
    public Builder acquiringStacks(AcquiringStacks acquiringStacks) {
      this.acquiringStacks = Objects.requireNonNull(acquiringStacks, "acquiringStacks");
      return this;
    }

    public ConnectionTracker build() {
      return new ConnectionTracker(this);
    }
  }

  /** The tracker's name, as given to {@link Builder#name}. */
  public String name() {
    return name;
  }

  /** When checkouts record their acquiring stacks, as built. */
  public AcquiringStacks acquiringStacks() {
    return acquiringStacks;
  }

  /**
   * True when checkouts record their acquiring stacks now: always with {@link
   * AcquiringStacks#EVERY_CHECKOUT}, after the first report with {@link
   * AcquiringStacks#AFTER_FIRST_REPORT}.
   */
  public boolean recordingStacks() {
    return recordingStacks;
  }

  /** Returns the proxy every caller must use instead of {@code pooled}. */
  public DataSource wrap(DataSource pooled) {
    Objects.requireNonNull(pooled, "pooled");
    return new TrackedDataSource(
        pooled,
        new TrackedDataSource.Leases() {
          @Override
          public Throwable site() {
            return recordingStacks ? new Throwable() : null;
          }

          @Override
          public Runnable taken(Throwable site, Connection connection) {
            return ConnectionTracker.this.taken(site, connection);
          }
        });
  }

  /**
   * Makes the calling thread one unit of work until the returned handle is closed, together with
   * the virtual threads it starts and the tasks it hands on through {@link #propagate(Runnable)} or
   * {@link #propagating(Executor)}. Nested units are allowed; closing one restores the enclosing
   * one. The unit is every tracker's, not this one's alone.
   */
  public UnitOfWork beginUnitOfWork() {
    return UNITS.begin();
  }

  /**
   * {@code task}, run in the unit of work the caller is in now, on whichever thread runs it, with
   * the observer's context of the caller too (see {@link LeaseObserver#propagate}).
   */
  public Runnable propagate(Runnable task) {
    Objects.requireNonNull(task, "task");
    LeaseObserver current = observer;
    return UNITS.propagate(current == null ? task : current.propagate(task));
  }

  /** {@code executor} whose tasks run in the unit of work of the thread that submits them. */
  public Executor propagating(Executor executor) {
    Objects.requireNonNull(executor, "executor");
    return task -> executor.execute(propagate(task));
  }

  /** True when the calling thread is inside a unit of work. */
  public boolean inUnitOfWork() {
    return UNITS.current() != null;
  }

  /** Open connections obtained by the calling thread and not yet closed. */
  public int heldByCurrentThread() {
    return count(Thread.currentThread(), null);
  }

  /**
   * Open connections obtained by the calling thread or by any thread of its unit of work: what a
   * long call must not start with.
   */
  public int heldByCurrentWork() {
    return count(Thread.currentThread(), UNITS.current());
  }

  /**
   * Open connections obtained through every data source this tracker wraps, on any thread. One pass
   * over the open leases, asking each whether its connection was closed behind the tracker.
   */
  public int openLeases() {
    return stillOpen().size();
  }

  /** One block per connection held by the calling thread, each with its acquiring stack. */
  public String describeHeldByCurrentThread() {
    return describe(Thread.currentThread(), null);
  }

  /** As {@link #describeHeldByCurrentThread()}, for the calling thread's whole unit of work. */
  public String describeHeldByCurrentWork() {
    return describe(Thread.currentThread(), UNITS.current());
  }

  /** Every open connection, each with its taker and acquiring stack. */
  public String describeOpenLeases() {
    List<Lease> leases = stillOpen();
    if (leases.isEmpty()) {
      return "no pooled connection is checked out";
    }
    long now = System.nanoTime();
    return leases.stream()
        .map(lease -> describe(lease, now))
        .collect(
            Collectors.joining("\n", leases.size() + " pooled connection(s) checked out:\n", ""));
  }

  /**
   * The open connections taken longer than {@code threshold} ago, on any thread, oldest first: what
   * {@link LongHoldSweep} reports. It reads the records every checkout keeps anyway (taker, time,
   * acquiring stack if recorded), so asking costs one pass over the open leases and nothing per
   * checkout; each hold renders its stack only when {@link LongHold#describe()} is called.
   */
  public List<LongHold> heldLongerThan(Duration threshold) {
    Objects.requireNonNull(threshold, "threshold");
    if (threshold.isNegative()) {
      throw new IllegalArgumentException("threshold must not be negative: " + threshold);
    }
    long now = System.nanoTime();
    long limit = threshold.toNanos();
    return open.keySet().stream()
        .filter(lease -> now - lease.acquiredAtNanos() > limit)
        .filter(lease -> !returnedBehindTheTracker(lease))
        .sorted(Comparator.comparingLong(Lease::acquiredAtNanos))
        .map(
            lease ->
                new LongHold(
                    lease.connectionId(),
                    lease.owner().getName(),
                    Duration.ofNanos(now - lease.acquiredAtNanos()),
                    () -> describe(lease, now)))
        .toList();
  }

  /**
   * Tells {@code listener} of every lease that ends from now on, on the thread that returns the
   * connection (keep it short: it runs inside {@code Connection.close()}).
   */
  public void addLeaseListener(LeaseListener listener) {
    leaseListeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /**
   * The number of the calling thread's unit of work, 0 outside any: what a recorder groups the
   * leases and long calls of one call by ({@link EndedLease#unitOfWork()}).
   */
  public long currentUnitOfWork() {
    UnitsOfWork.Unit unit = UNITS.current();
    return unit == null ? 0 : unit.id();
  }

  /**
   * Tells {@code observer} (null: nobody) of every checkout, return and guard violation from now
   * on; replaces the one set before. Leases taken before keep the observer they had.
   */
  public void observe(LeaseObserver observer) {
    this.observer = observer;
  }

  /** Counts one leak (see {@link LeakCheck}). */
  public void recordLeak() {
    leaks.incrementAndGet();
  }

  public long leaks() {
    return leaks.get();
  }

  /** Counts one guard violation found by a check of your own, with no call site. */
  public void recordGuardViolation() {
    guardViolations.incrementAndGet();
  }

  /**
   * Counts one long-call guard violation at {@code site} (see {@link LongCallGuard}); true when it
   * is the first at that site, so a warning is logged once per site.
   */
  public boolean recordGuardViolation(String site) {
    guardViolations.incrementAndGet();
    return violationSites.computeIfAbsent(site, s -> new AtomicLong()).getAndIncrement() == 0;
  }

  public long guardViolations() {
    return guardViolations.get();
  }

  /** Guard violations per call site ({@code Port.method(..) <- caller frame}), since start. */
  public Map<String, Long> guardViolationsBySite() {
    return violationSites.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().get()));
  }

  /** Total connections handed out through every wrapped data source. */
  public long acquisitions() {
    return acquisitions.get();
  }

  /** Leases ended so far: connections handed out and returned. */
  public long leasesEnded() {
    return leasesEnded.sum();
  }

  /**
   * How long the ended leases held their connections, together, in nanoseconds: from the pool's
   * {@code getConnection()} returning to its {@code close()} returning. Exact, where HikariCP's
   * usage metric counts each lease in whole milliseconds (a 0.4 ms lease as 0).
   */
  public long leaseNanos() {
    return leaseNanos.sum();
  }

  /** Tells the observer of a long-call guard violation (see {@link LeaseObserver#violation}). */
  void observeViolation(String longCall, String caller, GuardMode mode, int held) {
    LeaseObserver current = observer;
    if (current == null) {
      return;
    }
    try {
      current.violation(longCall, caller, mode, held);
    } catch (RuntimeException e) {
      LOG.warn("lease observer failed on a guard violation; ignored", e);
    }
  }

  /** The first frame of the calling stack outside the kit and the JDK's proxy plumbing. */
  String callerFrame() {
    return stacks.caller(new Throwable().getStackTrace());
  }

  private int count(Thread thread, UnitsOfWork.Unit unit) {
    int count = 0;
    for (Lease lease : open.keySet()) {
      if (lease.heldBy(thread, unit) && !returnedBehindTheTracker(lease)) {
        count++;
      }
    }
    return count;
  }

  /**
   * True, and the lease ended, when its connection was closed without {@link
   * TrackedConnection#close()}: through the driver's or pool's own {@code
   * statement.getConnection()}, {@code resultSet.getStatement().getConnection()} or {@code
   * metaData.getConnection()}, which return the pool's connection, not the tracked one (statements
   * are not wrapped, ADR 0026). Asked only of the leases a check is about (ADR 0055); {@code
   * isClosed()} reads a flag in HikariCP and the common drivers. Its held time ends here, when the
   * tracker notices, not when the pool took the connection back.
   */
  private boolean returnedBehindTheTracker(Lease lease) {
    boolean closed;
    try {
      closed = lease.pooled().isClosed();
    } catch (SQLException | RuntimeException e) {
      closed = false; // cannot tell: still held, as before
    }
    if (closed) {
      ended(lease);
    }
    return closed;
  }

  /** The open leases, after ending those whose connection was closed behind the tracker. */
  private List<Lease> stillOpen() {
    return open.keySet().stream().filter(lease -> !returnedBehindTheTracker(lease)).toList();
  }

  private String describe(Thread me, UnitsOfWork.Unit unit) {
    List<Lease> held =
        open.keySet().stream()
            .filter(lease -> lease.heldBy(me, unit) && !returnedBehindTheTracker(lease))
            .toList();
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

  /**
   * One checked-out connection: who took it, in which unit of work, when, and from where (null when
   * not recorded).
   */
  private record Lease(
      String connectionId,
      Connection pooled,
      Thread owner,
      UnitsOfWork.Unit unit,
      long acquiredAtNanos,
      Throwable site,
      LeaseObserver.Lease observed) {

    boolean heldBy(Thread thread, UnitsOfWork.Unit currentUnit) {
      return owner == thread || (currentUnit != null && unit == currentUnit);
    }
  }

  private String describe(Lease lease, long now) {
    long heldMillis = (now - lease.acquiredAtNanos()) / 1_000_000;
    return "connection "
        + lease.connectionId()
        + " taken by thread "
        + lease.owner().getName()
        + ", held for "
        + heldMillis
        + " ms, acquired at:\n"
        + (lease.site() == null
            ? notRecorded() + whereNow(lease.owner())
            : stacks.render(lease.site().getStackTrace()));
  }

  /** What a lease taken without a stack shows; from this report on, checkouts record theirs. */
  private synchronized String notRecorded() {
    if (!recordingStacks) {
      recordingStacks = true;
      LOG.info(
          "tracker {} reports a connection taken without its acquiring stack; every checkout"
              + " records its stack from now on",
          name);
    }
    return "    (not recorded: this tracker records acquiring stacks after its first report, and"
        + " does from now on)\n";
  }

  /**
   * Where a holder whose acquiring stack was not recorded is now. The method that took the
   * connection, or the one that keeps it, is usually still on that stack, so even the first report
   * points at the code to fix.
   */
  private String whereNow(Thread holder) {
    if (holder == Thread.currentThread()) {
      return "  its thread is now at:\n" + stacks.renderOwn(new Throwable().getStackTrace());
    }
    StackTraceElement[] frames = holder.getStackTrace();
    if (frames.length > 0) {
      return "  its thread is now at:\n" + stacks.render(frames);
    }
    return holder.isAlive()
        ? "  its thread's stack could not be read\n"
        : "  its thread has ended without returning it\n";
  }

  /**
   * Records {@code pooled}, just taken by the calling thread, acquired at {@code site}; the result
   * ends its lease.
   */
  private Runnable taken(Throwable site, Connection pooled) {
    acquisitions.incrementAndGet();
    String connectionId = Long.toString(connectionIds.incrementAndGet());
    Lease lease =
        new Lease(
            connectionId,
            pooled,
            Thread.currentThread(),
            UNITS.current(),
            System.nanoTime(),
            site,
            checkedOut(connectionId));
    open.put(lease, Boolean.TRUE);
    return () -> ended(lease);
  }

  private void ended(Lease lease) {
    boolean wasOpen = open.remove(lease) != null;
    if (!wasOpen) {
      return;
    }
    long releasedAt = System.nanoTime();
    leasesEnded.increment();
    leaseNanos.add(releasedAt - lease.acquiredAtNanos());
    if (lease.observed() != null) {
      returned(lease.observed());
    }
    if (!leaseListeners.isEmpty()) {
      EndedLease ended =
          new EndedLease(
              lease.connectionId(),
              lease.owner().getName(),
              lease.unit() == null ? 0 : lease.unit().id(),
              lease.acquiredAtNanos(),
              releasedAt);
      leaseListeners.forEach(listener -> listener.leaseEnded(ended));
    }
  }

  private LeaseObserver.Lease checkedOut(String connectionId) {
    LeaseObserver current = observer;
    if (current == null) {
      return null;
    }
    try {
      return current.checkedOut(name, connectionId);
    } catch (RuntimeException e) {
      LOG.warn("lease observer failed on a checkout; ignored", e);
      return null;
    }
  }

  private static void returned(LeaseObserver.Lease lease) {
    try {
      lease.returned();
    } catch (RuntimeException e) {
      LOG.warn("lease observer failed on a return; ignored", e);
    }
  }
}
