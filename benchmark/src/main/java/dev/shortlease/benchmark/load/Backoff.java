package dev.shortlease.benchmark.load;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Load generator: how long a client waits after a failed chat before sending the next. The pause
 * doubles with every failure in a row, from {@link #FIRST} up to {@link #MAX}, and a completed chat
 * resets it. Each pause is drawn from its upper half, so clients that failed together do not retry
 * together.
 *
 * <p>Why: a failure can be instant (connection refused by a service that died, a 503 from a full
 * admission line), and a closed-loop client that sends again at once turns into a busy loop. A
 * fixed 100 ms pause was not enough: in the committed C=10,000 run the service died early and
 * 10,000 clients retrying every 100 ms recorded 481,183 refused connections and used 1.95 cores of
 * a 2-core machine; the errors are still reported, but now at most one per client every few
 * seconds.
 */
final class Backoff {

  static final Duration FIRST = Duration.ofMillis(100);
  static final Duration MAX = Duration.ofSeconds(5);

  private final DoubleSupplier random;
  private int failuresInARow;

  /**
   * @param random uniform in [0, 1)
   */
  Backoff(DoubleSupplier random) {
    this.random = random;
  }

  /** A chat completed: the next failure pauses {@link #FIRST} again. */
  void succeeded() {
    failuresInARow = 0;
  }

  /** A chat failed: the pause before the next one. */
  Duration failed() {
    failuresInARow = Math.min(failuresInARow + 1, 30);
    long ceiling = Math.min(MAX.toNanos(), FIRST.toNanos() << Math.min(failuresInARow - 1, 20));
    return Duration.ofNanos((long) (ceiling * (0.5 + random.getAsDouble() / 2)));
  }
}
