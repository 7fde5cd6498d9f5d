package dev.shortlease.application.testing;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The records one class logs through {@code System.Logger} (the JDK's logging in these tests), at
 * every level, until closed.
 */
public final class CapturedLog implements AutoCloseable {
  private final Logger logger;
  private final Level level;
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler handler =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  public CapturedLog(Class<?> source) {
    logger = Logger.getLogger(source.getName());
    level = logger.getLevel();
    logger.setLevel(Level.ALL);
    logger.addHandler(handler);
  }

  public List<LogRecord> records() {
    return List.copyOf(records);
  }

  /** The records once there are {@code count} of them, or those there are after {@code wait}. */
  public List<LogRecord> awaitRecords(int count, Duration wait) throws InterruptedException {
    long end = System.nanoTime() + wait.toNanos();
    while (records.size() < count && System.nanoTime() < end) {
      Thread.sleep(10);
    }
    return records();
  }

  @Override
  public void close() {
    logger.removeHandler(handler);
    logger.setLevel(level);
  }
}
