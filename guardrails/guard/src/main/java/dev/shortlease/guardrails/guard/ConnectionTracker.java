package dev.shortlease.guardrails.guard;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import javax.sql.DataSource;

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
 *
 * <p>This class is the kit's entry point and delegates each job to a part named by its role: {@link
 * LeaseBook} (the open leases, checkout and return), {@link GuardCounters}, {@link
 * LeaseDescriptions} (the text of failure messages), {@link StackRecording} and {@link LeaseFanOut}
 * (observer and listeners).
 */
public final class ConnectionTracker {
  // A unit of work is one call, not one pool's: every tracker shares them, so a service with a
  // tracker per data source begins, and hands on, one unit through any of them.
  private static final UnitsOfWork UNITS = new UnitsOfWork();

  private final String name;
  private final AcquiringStacks acquiringStacks;
  private final StackRecording stackRecording;
  private final GuardCounters counters = new GuardCounters();
  private final LeaseFanOut fanOut = new LeaseFanOut();
  private final LeaseBook leases;
  private final LeaseDescriptions descriptions;

  private ConnectionTracker(Builder builder) {
    this.name = builder.name;
    this.acquiringStacks = builder.acquiringStacks;
    this.stackRecording = new StackRecording(name, acquiringStacks);
    this.leases = new LeaseBook(name, stackRecording, UNITS, counters, fanOut);
    this.descriptions =
        new LeaseDescriptions(new StackRenderer(builder.applicationPackages), stackRecording);
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
    return stackRecording.on();
  }

  /** Returns the proxy every caller must use instead of {@code pooled}. */
  public DataSource wrap(DataSource pooled) {
    Objects.requireNonNull(pooled, "pooled");
    return new TrackedDataSource(pooled, leases);
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
    return UNITS.propagate(fanOut.propagate(task));
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
    return leases.count(Thread.currentThread(), null);
  }

  /**
   * Open connections obtained by the calling thread or by any thread of its unit of work: what a
   * long call must not start with.
   */
  public int heldByCurrentWork() {
    return leases.count(Thread.currentThread(), UNITS.current());
  }

  /**
   * Open connections obtained through every data source this tracker wraps, on any thread. One pass
   * over the open leases, asking each whether its connection was closed behind the tracker.
   */
  public int openLeases() {
    return leases.stillOpen().size();
  }

  /** One block per connection held by the calling thread, each with its acquiring stack. */
  public String describeHeldByCurrentThread() {
    Thread me = Thread.currentThread();
    return descriptions.held(me, leases.heldBy(me, null));
  }

  /** As {@link #describeHeldByCurrentThread()}, for the calling thread's whole unit of work. */
  public String describeHeldByCurrentWork() {
    Thread me = Thread.currentThread();
    return descriptions.held(me, leases.heldBy(me, UNITS.current()));
  }

  /** Every open connection, each with its taker and acquiring stack. */
  public String describeOpenLeases() {
    return descriptions.open(leases.stillOpen());
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
    return descriptions.longHolds(leases.heldLongerThan(threshold.toNanos(), now), now);
  }

  /**
   * Tells {@code listener} of every lease that ends from now on, on the thread that returns the
   * connection (keep it short: it runs inside {@code Connection.close()}).
   */
  public void addLeaseListener(LeaseListener listener) {
    fanOut.addListener(Objects.requireNonNull(listener, "listener"));
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
    fanOut.observe(observer);
  }

  /** Counts one leak (see {@link LeakCheck}). */
  public void recordLeak() {
    counters.leak();
  }

  public long leaks() {
    return counters.leaks();
  }

  /** Counts one guard violation found by a check of your own, with no call site. */
  public void recordGuardViolation() {
    counters.guardViolation();
  }

  /**
   * Counts one long-call guard violation at {@code site} (see {@link LongCallGuard}); true when it
   * is the first at that site, so a warning is logged once per site.
   */
  public boolean recordGuardViolation(String site) {
    return counters.guardViolation(site);
  }

  public long guardViolations() {
    return counters.guardViolations();
  }

  /** Guard violations per call site ({@code Port.method(..) <- caller frame}), since start. */
  public Map<String, Long> guardViolationsBySite() {
    return counters.guardViolationsBySite();
  }

  /** Total connections handed out through every wrapped data source. */
  public long acquisitions() {
    return counters.acquisitions();
  }

  /** Leases ended so far: connections handed out and returned. */
  public long leasesEnded() {
    return counters.leasesEnded();
  }

  /**
   * How long the ended leases held their connections, together, in nanoseconds: from the pool's
   * {@code getConnection()} returning to its {@code close()} returning. Exact, where HikariCP's
   * usage metric counts each lease in whole milliseconds (a 0.4 ms lease as 0).
   */
  public long leaseNanos() {
    return counters.leaseNanos();
  }

  /** Tells the observer of a long-call guard violation (see {@link LeaseObserver#violation}). */
  void observeViolation(String longCall, String caller, GuardMode mode, int held) {
    fanOut.violation(longCall, caller, mode, held);
  }

  /** The first frame of the calling stack outside the kit and the JDK's proxy plumbing. */
  String callerFrame() {
    return descriptions.callerFrame();
  }
}
