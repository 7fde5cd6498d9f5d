package dev.shortlease.bootstrap;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongFunction;

/**
 * An open-loop flood of GET requests for load tests, cheap enough to offer thousands a second on a
 * 2-core machine that also runs the service (the JDK's {@code HttpClient} cost about 0.9 cores at
 * 500 requests/s there). A few keep-alive HTTP/1.1 connections, each with a writer and a reader
 * thread doing blocking I/O: request {@code n} is due at {@code start + n / rate} and is written
 * then, whatever the answers do (pipelined: Jetty answers a connection's requests in order); a
 * writer that has fallen behind writes its overdue requests at once. Readers count answers by
 * status. Platform threads, scheduled by the OS: as virtual threads they queued behind the
 * service's for the same two carriers and fell up to 0.7 s behind the schedule under load.
 */
final class RawHttpFlood {
  private static final int TIMEOUT_MILLIS = 30_000;

  /** One request: a GET of {@code path} with these header lines ({@code "Name: value"}). */
  record Request(String path, List<String> headers) {}

  /**
   * What a flood did: requests planned ({@code rate × duration}), written and answered; requests
   * written per second (over the planned window, or longer if writing took longer) and answers read
   * per second (start to last answer); how late the latest request was written; the CPU time of the
   * flood's threads; answers by status; failures.
   */
  record Outcome(
      long planned,
      long sent,
      long answered,
      double offeredPerSecond,
      double answeredPerSecond,
      Duration maxLate,
      Duration cpu,
      Map<Integer, Long> statuses,
      List<String> errors) {}

  private final URI base;
  private final int rate;
  private final long planned;
  private final int connections;
  private final LongFunction<Request> requests;
  private final long start = System.nanoTime();
  private final LongAdder sent = new LongAdder();
  private final LongAdder answered = new LongAdder();
  private final AtomicLong lastSent = new AtomicLong();
  private final AtomicLong lastAnswer = new AtomicLong();
  private final AtomicLong maxLate = new AtomicLong();
  private final LongAdder cpu = new LongAdder();
  private final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
  private final Queue<String> errors = new ConcurrentLinkedQueue<>();

  private RawHttpFlood(URI base, int rate, long planned, int connections, LongFunction<Request> r) {
    this.base = base;
    this.rate = rate;
    this.planned = planned;
    this.connections = connections;
    this.requests = r;
  }

  /**
   * Sends {@code rate × duration} requests over {@code connections} connections on schedule and
   * returns once each has been answered (or its connection failed, or read nothing for 30 s).
   */
  static Outcome run(
      URI base, int rate, Duration duration, int connections, LongFunction<Request> requests)
      throws IOException {
    long planned = rate * duration.toMillis() / 1000;
    RawHttpFlood flood = new RawHttpFlood(base, rate, planned, connections, requests);
    try (var threads =
        Executors.newThreadPerTaskExecutor(
            Thread.ofPlatform().daemon().name("flood-", 0).factory())) {
      for (int k = 0; k < connections; k++) {
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.setSendBufferSize(1 << 20); // room for what a slow server has not read yet
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), TIMEOUT_MILLIS);
        socket.setSoTimeout(TIMEOUT_MILLIS);
        int connection = k;
        threads.submit(() -> flood.write(connection, socket));
        threads.submit(() -> flood.read(connection, socket));
      }
    }
    Map<Integer, Long> byStatus = new TreeMap<>();
    flood.statuses.forEach((status, count) -> byStatus.put(status, count.sum()));
    long window = Math.max(duration.toNanos(), flood.lastSent.get());
    return new Outcome(
        planned,
        flood.sent.sum(),
        flood.answered.sum(),
        flood.sent.sum() * 1e9 / window,
        flood.answered.sum() * 1e9 / Math.max(1, flood.lastAnswer.get()),
        Duration.ofNanos(flood.maxLate.get()),
        Duration.ofNanos(flood.cpu.sum()),
        byStatus,
        List.copyOf(flood.errors));
  }

  /** Connection {@code k} carries requests k, k + connections, k + 2 × connections, … */
  private void write(int k, Socket socket) {
    try {
      OutputStream out = socket.getOutputStream();
      for (long n = k; n < planned; n += connections) {
        long due = start + n * 1_000_000_000L / rate;
        long early = due - System.nanoTime();
        if (early > 0) {
          Thread.sleep(Duration.ofNanos(early));
        }
        Request request = requests.apply(n);
        StringBuilder head = new StringBuilder(256).append("GET ").append(request.path());
        head.append(" HTTP/1.1\r\nHost: ")
            .append(base.getHost())
            .append(':')
            .append(base.getPort());
        request.headers().forEach(header -> head.append("\r\n").append(header));
        out.write(head.append("\r\n\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        long written = System.nanoTime();
        sent.increment();
        lastSent.accumulateAndGet(written - start, Math::max);
        maxLate.accumulateAndGet(written - due, Math::max);
      }
    } catch (IOException | InterruptedException e) {
      errors.add("connection " + k + " stopped writing: " + e);
    } finally {
      cpu.add(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
    }
  }

  /** Reads the answers to connection {@code k}'s requests: status line, headers, body. */
  private void read(int k, Socket socket) {
    long expected = (planned - k + connections - 1) / connections;
    try (socket) {
      InputStream in = new BufferedInputStream(socket.getInputStream(), 16_384);
      for (long i = 0; i < expected; i++) {
        String status = line(in);
        if (!status.startsWith("HTTP/1.1 ")) {
          throw new IOException("not a status line: " + status);
        }
        long length = 0;
        boolean chunked = false;
        boolean close = false;
        for (String header = line(in); !header.isEmpty(); header = line(in)) {
          String lower = header.toLowerCase(Locale.ROOT);
          if (lower.startsWith("content-length:")) {
            length = Long.parseLong(lower.substring(15).trim());
          }
          chunked |= lower.startsWith("transfer-encoding:") && lower.contains("chunked");
          close |= lower.startsWith("connection:") && lower.contains("close");
        }
        if (chunked) {
          for (long size; (size = Long.parseLong(line(in).split(";")[0].trim(), 16)) > 0; ) {
            in.skipNBytes(size + 2); // the chunk and its CRLF
          }
          while (!line(in).isEmpty()) {
            // trailers
          }
        } else {
          in.skipNBytes(length);
        }
        int code = Integer.parseInt(status, 9, 12, 10);
        statuses.computeIfAbsent(code, c -> new LongAdder()).increment();
        answered.increment();
        lastAnswer.accumulateAndGet(System.nanoTime() - start, Math::max);
        if (close) {
          throw new IOException("closed by the server after " + (i + 1) + " answers");
        }
      }
    } catch (IOException | RuntimeException e) {
      errors.add("connection " + k + " stopped reading: " + e);
    } finally {
      cpu.add(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime());
    }
  }

  /** One line without its CRLF. */
  private static String line(InputStream in) throws IOException {
    StringBuilder line = new StringBuilder(64);
    for (int b = in.read(); b != '\n'; b = in.read()) {
      if (b < 0) {
        throw new IOException("the server closed the connection");
      }
      if (b != '\r') {
        line.append((char) b);
      }
    }
    return line.toString();
  }
}
