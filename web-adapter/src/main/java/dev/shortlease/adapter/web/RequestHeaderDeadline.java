package dev.shortlease.adapter.web;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.eclipse.jetty.util.thread.Scheduler;

/**
 * Closes a connection whose request headers have been arriving for longer than the deadline
 * (slowloris). Jetty's idle timeout restarts on every byte, so a client trickling a header byte a
 * second kept its connection, and a file descriptor, for ever; behind Dify's nginx the same client
 * is cut off by {@code client_header_timeout}. Closed without an answer, as nginx does: the request
 * is not complete, so there is nothing to answer. Only the header phase counts: a request body has
 * its own limits, and a kept-alive connection waiting for its next request is the idle timeout's.
 */
final class RequestHeaderDeadline extends AbstractLifeCycle {
  private final ServerConnector connector;
  private final long deadlineNanos;
  private final long sweepMillis;
  private final Map<EndPoint, Long> headerSince = new ConcurrentHashMap<>();
  private volatile Scheduler.Task next;

  RequestHeaderDeadline(ServerConnector connector, Duration deadline) {
    this.connector = connector;
    this.deadlineNanos = deadline.toNanos();
    // a few sweeps per deadline, so a connection is closed at most a quarter late
    this.sweepMillis = Math.max(100, deadline.toMillis() / 4);
  }

  @Override
  protected void doStart() {
    schedule();
  }

  @Override
  protected void doStop() {
    Scheduler.Task task = next;
    if (task != null) {
      task.cancel();
    }
    headerSince.clear();
  }

  private void schedule() {
    next = connector.getScheduler().schedule(this::sweep, sweepMillis, TimeUnit.MILLISECONDS);
  }

  private void sweep() {
    try {
      long now = System.nanoTime();
      Set<EndPoint> open = Set.copyOf(connector.getConnectedEndPoints());
      headerSince.keySet().retainAll(open);
      for (EndPoint endPoint : open) {
        if (!readingHeaders(endPoint)) {
          headerSince.remove(endPoint);
          continue;
        }
        long since = headerSince.computeIfAbsent(endPoint, e -> now);
        if (now - since >= deadlineNanos) {
          headerSince.remove(endPoint);
          endPoint.close();
        }
      }
    } finally {
      if (isRunning()) {
        schedule();
      }
    }
  }

  /** Some of a request's headers arrived, not all (a parser at START has none yet). */
  private static boolean readingHeaders(EndPoint endPoint) {
    if (!(endPoint.getConnection() instanceof HttpConnection http)) {
      return false;
    }
    HttpParser parser = http.getParser();
    return parser.inHeaderState() && !parser.isStart();
  }
}
