package dev.shortlease.bootstrap;

import dev.shortlease.application.chat.RunRegistry;
import dev.shortlease.application.port.out.ActivityMonitorPort;
import dev.shortlease.application.port.out.PoolMonitorPort;
import dev.shortlease.application.port.out.PoolSnapshot;
import dev.shortlease.application.port.out.RecentActivity;
import dev.shortlease.application.port.out.RecentActivity.PoolSample;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Composition root: once a second, reads the chats running, the model calls in progress and the
 * pool's active, idle and pending connections into a ring of the last {@link #SAMPLES} readings (5
 * minutes); with the {@link ActivityRecorder}'s leases and chats it answers the live page.
 */
final class ActivitySampler implements ActivityMonitorPort, AutoCloseable {
  static final int SAMPLES = 300;
  static final long PERIOD_MILLIS = 1_000;

  private final PoolMonitorPort pool;
  private final RunRegistry runs;
  private final ModelCallMetrics model;
  private final ActivityRecorder recorder;
  private final ArrayDeque<PoolSample> samples = new ArrayDeque<>();
  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          Thread.ofPlatform().daemon().name("activity-sampler").factory());

  ActivitySampler(
      PoolMonitorPort pool, RunRegistry runs, ModelCallMetrics model, ActivityRecorder recorder) {
    this.pool = pool;
    this.runs = runs;
    this.model = model;
    this.recorder = recorder;
    timer.scheduleAtFixedRate(this::sample, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
  }

  @Override
  public RecentActivity recent(int maxChats) {
    List<PoolSample> copy;
    synchronized (samples) {
      copy = List.copyOf(samples);
    }
    return new RecentActivity(copy, recorder.leaseHistogram(), recorder.chats(maxChats));
  }

  void sample() {
    try {
      PoolSnapshot snapshot = pool.snapshot();
      PoolSample sample =
          new PoolSample(
              System.currentTimeMillis(),
              runs.runningCount(),
              model.active(),
              snapshot.active(),
              snapshot.idle(),
              snapshot.threadsWaiting());
      synchronized (samples) {
        if (samples.size() == SAMPLES) {
          samples.removeFirst();
        }
        samples.addLast(sample);
      }
    } catch (RuntimeException e) {
      // a pool being closed: skip this reading, the next one may work
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}
