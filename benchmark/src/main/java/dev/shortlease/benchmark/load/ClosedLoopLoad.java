package dev.shortlease.benchmark.load;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * Load generator: {@code C} clients on virtual threads, each sending streaming chats back to back
 * (closed loop) until the measured window ends. Clients start spread over one model latency so the
 * service sees a steady state, not a thundering herd, by the end of the warm-up.
 */
public final class ClosedLoopLoad {

  private final ChatClient client;
  private final int concurrency;
  private final Duration spread;
  private final AtomicInteger inFlight = new AtomicInteger();
  private volatile Duration warmedUp = Duration.ZERO;

  public ClosedLoopLoad(ChatClient client, int concurrency, Duration spread) {
    this.client = client;
    this.concurrency = concurrency;
    this.spread = spread;
  }

  /**
   * Runs the load: a fixed warm-up, then the window, then waits up to {@code drain} for chats still
   * in flight (they are not counted). {@code onOpen} and {@code onClose} run when the window opens
   * and closes, to read the service's counters at its edges.
   */
  public WindowRecorder run(
      Duration warmup, Duration window, Duration drain, Runnable onOpen, Runnable onClose)
      throws InterruptedException {
    return run(Warmup.fixed(warmup), false, window, drain, onOpen, onClose, outcome -> {});
  }

  /**
   * As above, with a warm-up that may last until the service settles; {@code onOutcome} also sees
   * every chat, warm-up and drain included. With {@code regroup}, the clients start again spread
   * over one latency once the warm-up has ended ({@link Regroup}), and the window opens when the
   * last of them has started again: every client is then in its even closed loop.
   */
  public WindowRecorder run(
      Warmup warmup,
      boolean regroup,
      Duration window,
      Duration drain,
      Runnable onOpen,
      Runnable onClose,
      Consumer<ChatOutcome> onOutcome)
      throws InterruptedException {
    long start = System.nanoTime();
    // Clients stop sending once the window has ended; until the warm-up ends, that is at the
    // latest.
    AtomicLong windowEnd = new AtomicLong(start + warmup.maximum().toNanos() + window.toNanos());
    WindowRecorder recorder = new WindowRecorder();
    LongAdder sent = new LongAdder();
    Regroup regrouping = new Regroup(concurrency, spread);
    try (ExecutorService clients = Executors.newVirtualThreadPerTaskExecutor()) {
      for (int i = 0; i < concurrency; i++) {
        int index = i;
        long delay = spread.toNanos() * i / concurrency;
        clients.submit(
            () -> loop(index, start + delay, windowEnd, regrouping, recorder, sent, onOutcome));
      }
      long windowStart = warmup.await(start);
      warmedUp = Duration.ofNanos(windowStart - start);
      if (regroup) {
        // No client leaves while the others regroup.
        windowEnd.set(System.nanoTime() + TimeUnit.DAYS.toNanos(1));
        // A client still in a chat after two spreads (a capped mode's queue) joins when it ends.
        regrouping.pause(spread.multipliedBy(2));
        regrouping.resume(System.nanoTime());
        windowStart = regrouping.spreadEnd();
      }
      windowEnd.set(windowStart + window.toNanos());
      recorder.open(windowStart, windowEnd.get());
      sleepUntil(windowStart);
      onOpen.run();
      sleepUntil(windowEnd.get());
      onClose.run();
      clients.shutdown();
      if (!clients.awaitTermination(drain.toMillis(), TimeUnit.MILLISECONDS)) {
        clients.shutdownNow();
      }
    }
    return recorder;
  }

  /** How long the last run warmed up (until the JIT was quiet; the regroup not included). */
  public Duration warmedUp() {
    return warmedUp;
  }

  /** Chats sent and not yet ended: the streams open on the service right now. */
  public int inFlight() {
    return inFlight.get();
  }

  private Void loop(
      int index,
      long firstAt,
      AtomicLong windowEnd,
      Regroup regroup,
      WindowRecorder recorder,
      LongAdder sent,
      Consumer<ChatOutcome> onOutcome)
      throws InterruptedException {
    sleepUntil(firstAt);
    // A failed client backs off (Backoff): an instant error must not turn it into a busy loop.
    Backoff backoff = new Backoff(ThreadLocalRandom.current()::nextDouble);
    String user = "bench-user-" + index;
    boolean regrouped = false;
    try (ChatClient.Session session = client.session()) {
      while (System.nanoTime() - windowEnd.get() < 0) {
        regrouped |= regroup.beforeChat(index, regrouped);
        if (System.nanoTime() - windowEnd.get() >= 0) {
          break;
        }
        sent.increment();
        inFlight.incrementAndGet();
        ChatOutcome outcome;
        try {
          outcome = session.chat(user, "How long is a short lease? #" + sent.sum());
        } finally {
          inFlight.decrementAndGet();
        }
        recorder.record(outcome);
        onOutcome.accept(outcome);
        if (outcome.kind() == ChatOutcome.Kind.COMPLETED) {
          backoff.succeeded();
        } else {
          Thread.sleep(backoff.failed());
        }
      }
    }
    return null;
  }

  static void sleepUntil(long nanoTime) throws InterruptedException {
    long wait = nanoTime - System.nanoTime();
    if (wait > 0) {
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }
}
