package dev.shortlease.benchmark.demo;

import dev.shortlease.adapter.persistence.DataSourceDecorator;
import dev.shortlease.adapter.persistence.PersistenceContext;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;

/**
 * Demonstration: watches the pool from the service's side. Every connection checkout and return is
 * counted (lease time, time spent waiting for the pool, refusals), and while {@link #record} is on,
 * each lease taken for a request is kept as an interval for the timeline. A proxy is fine here: the
 * demonstration measures both styles through the same one.
 */
final class LeaseRecorder implements DataSourceDecorator {

  private final LongAdder leases = new LongAdder();
  private final LongAdder leaseNanos = new LongAdder();
  private final LongAdder waitNanos = new LongAdder();
  private final LongAdder refused = new LongAdder();
  private final AtomicLong maxLeaseNanos = new AtomicLong();
  private final List<Timeline.Span> recorded = new ArrayList<>();
  private volatile boolean record;

  @Override
  public DataSource decorate(DataSource tracked) {
    return (DataSource)
        Proxy.newProxyInstance(
            DataSource.class.getClassLoader(),
            new Class<?>[] {DataSource.class},
            (proxy, method, args) -> {
              if (!method.getName().equals("getConnection")) {
                return invoke(method, tracked, args);
              }
              long asked = System.nanoTime();
              Connection connection;
              try {
                connection = (Connection) invoke(method, tracked, args);
              } catch (SQLException e) {
                refused.increment();
                throw e;
              }
              long got = System.nanoTime();
              waitNanos.add(got - asked);
              return lease(connection, got);
            });
  }

  private Connection lease(Connection connection, long since) {
    // Taken for a request (on its virtual thread, or on a database worker for it): not
    // housekeeping.
    boolean onRequest = PersistenceContext.callingThread().isVirtual();
    return (Connection)
        Proxy.newProxyInstance(
            Connection.class.getClassLoader(),
            new Class<?>[] {Connection.class},
            (proxy, method, args) -> {
              if (method.getName().equals("close")) {
                long held = System.nanoTime() - since;
                leases.increment();
                leaseNanos.add(held);
                maxLeaseNanos.accumulateAndGet(held, Math::max);
                if (record && onRequest) {
                  synchronized (recorded) {
                    recorded.add(new Timeline.Span("connection", since, since + held));
                  }
                }
              }
              return invoke(method, connection, args);
            });
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  /** Starts keeping lease intervals (for one chat's timeline). */
  void startRecording() {
    synchronized (recorded) {
      recorded.clear();
    }
    record = true;
  }

  /** Stops keeping intervals; the ones kept since {@link #startRecording()}. */
  List<Timeline.Span> stopRecording() {
    record = false;
    synchronized (recorded) {
      return List.copyOf(recorded);
    }
  }

  Totals totals() {
    return new Totals(
        leases.sum(), leaseNanos.sum(), waitNanos.sum(), refused.sum(), maxLeaseNanos.get());
  }

  /** Counters at one moment; the difference of two is what happened in between. */
  record Totals(long leases, long leaseNanos, long waitNanos, long refused, long maxLeaseNanos) {
    Totals minus(Totals earlier) {
      return new Totals(
          leases - earlier.leases,
          leaseNanos - earlier.leaseNanos,
          waitNanos - earlier.waitNanos,
          refused - earlier.refused,
          maxLeaseNanos);
    }
  }
}
