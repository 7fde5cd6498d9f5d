package dev.shortlease.adapter.web;

import dev.shortlease.application.port.in.ChatEvent;
import dev.shortlease.application.port.in.ChatRun;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Web adapter: streams one run as Dify's server-sent events ({@code data: {json}\n\n}), with {@code
 * event: ping} whenever the run is quiet for the ping interval. Runs on the request's virtual
 * thread, so blocking on the run's queue costs no platform thread. A failed write means the client
 * is gone: the run is told to stop, and it saves its text as {@code stopped} (rule R5).
 */
final class EventStream {
  private static final Logger LOG = LoggerFactory.getLogger(EventStream.class);
  private static final byte[] PING = "event: ping\n\n".getBytes(StandardCharsets.UTF_8);
  private static final ApiError DEADLINE =
      new ApiError(504, "gateway_timeout", "The answer did not end within the stream's deadline.");

  private EventStream() {}

  /**
   * Streams {@code run} until its terminal event, or until {@code deadline} (no run can take
   * longer: the time limit plus the final save's retries): then an {@code error} event ends the
   * stream, so a client never receives pings forever from a run that died without its last event.
   */
  static void write(Context ctx, ChatRun run, Duration pingInterval, Duration deadline) {
    long endNanos = System.nanoTime() + deadline.toNanos();
    HttpServletResponse res = ctx.res();
    res.setStatus(200);
    res.setContentType("text/event-stream; charset=utf-8");
    res.setHeader("Cache-Control", "no-cache");
    res.setHeader("X-Accel-Buffering", "no"); // keep reverse proxies from buffering the stream
    try {
      EventWriter writer = new EventWriter(run);
      OutputStream out = res.getOutputStream();
      out.flush(); // commit the headers now: the client knows the stream started
      while (true) {
        long left = endNanos - System.nanoTime();
        if (left <= 0) {
          send(out, writer.error(DEADLINE));
          run.disconnect(); // saved as stopped with its text, should the run still be alive
          return;
        }
        Optional<ChatEvent> next =
            run.nextEvent(Duration.ofNanos(Math.min(left, pingInterval.toNanos())));
        if (next.isEmpty()) {
          if (endNanos - System.nanoTime() > 0) {
            send(out, PING);
          }
          continue;
        }
        ChatEvent event = next.get();
        if (event instanceof ChatEvent.Failed failed) {
          ErrorMapping.logRunFailure(RequestIds.of(ctx), run, failed);
        }
        for (byte[] frame : writer.frames(event)) {
          send(out, frame);
        }
        if (event.isTerminal()) {
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      LOG.debug("event stream of task {} ended early: {}", run.taskId(), e.toString());
      run.disconnect();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      run.disconnect();
    }
  }

  private static void send(OutputStream out, byte[] bytes) throws IOException {
    out.write(bytes);
    out.flush();
  }
}
