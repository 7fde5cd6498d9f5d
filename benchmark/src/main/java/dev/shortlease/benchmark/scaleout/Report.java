package dev.shortlease.benchmark.scaleout;

import dev.shortlease.benchmark.load.WindowRecorder;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Scale-out run: the summary, one line per figure, and a PASS or FAIL line per check. */
final class Report {
  private Report() {}

  static List<String> lines(
      ScaleOutSettings s,
      String loadBefore,
      String loadAfter,
      long upMillis,
      WindowRecorder window,
      ScaleOutMain.Phases phases,
      DatabaseWatch watch,
      int savedAtKill,
      long changedSinceKill,
      long takeoverMillis,
      String clusterStatus)
      throws SQLException {
    List<String> out = new ArrayList<>();
    out.add(
        "scale-out: %d instances x DB_POOL_SIZE=%d, PgBouncer %d server connections, C=%d, L=%d ms,"
                .formatted(
                    s.instances(),
                    s.poolSize(),
                    s.serverConnections(),
                    s.concurrency(),
                    s.llmLatency().toMillis())
            + " warm-up %d s, window %d s, kill -9 of instance %d %s"
                .formatted(
                    s.warmup().toSeconds(),
                    s.window().toSeconds(),
                    s.instances(),
                    s.killAfter().isZero()
                        ? "(off)"
                        : s.killAfter().toSeconds() + " s into the window"));
    out.add("machine load average (1/5/15 min) before: " + loadBefore + ", after: " + loadAfter);
    out.add("cluster start: %.1f s".formatted(upMillis / 1000.0));
    double seconds = s.window().toMillis() / 1000.0;
    out.add(
        "window: %d completed (%.1f chats/s), %d errors; latency p50 %d ms, p99 %d ms, max %d ms;"
                .formatted(
                    window.completed(),
                    window.completed() / seconds,
                    window.errors(),
                    window.latency().getValueAtPercentile(50),
                    window.latency().getValueAtPercentile(99),
                    window.latency().getMaxValue())
            + " first token p50 %d ms".formatted(window.firstToken().getValueAtPercentile(50)));
    new TreeMap<>(phases.counts).forEach((k, v) -> out.add("  chats " + k + ": " + v.get()));
    new TreeMap<>(phases.errorKinds).forEach((k, v) -> out.add("  error " + k + ": " + v.get()));
    Map<String, Integer> statuses = watch.statuses();
    out.add("messages by status at the end: " + new TreeMap<>(statuses));
    out.add(
        "PostgreSQL backends of the cluster: at most %d (%d samples every 500 ms)"
            .formatted(watch.maxBackends(), watch.samples()));
    out.add("oldest running message seen: %.1f s".formatted(watch.maxRunningMillis() / 1000.0));
    if (!s.killAfter().isZero()) {
      out.add(
          "after the kill: messages started before it left running %.1f s later; %d answers saved"
                  .formatted(takeoverMillis / 1000.0, savedAtKill)
              + " before it, %d of them changed since".formatted(changedSinceKill));
    }
    long errors = phases.count("before the kill errors") + phases.count("after the kill errors");
    check(out, errors == 0, "no error outside the streams the kill cut (%d)".formatted(errors));
    check(
        out,
        watch.maxBackends() <= s.serverConnections(),
        "at most %d PostgreSQL backends (%d)"
            .formatted(s.serverConnections(), watch.maxBackends()));
    check(
        out,
        watch.maxRunningMillis() <= s.runningLimit().toMillis(),
        "no message running longer than %d s".formatted(s.runningLimit().toSeconds()));
    check(out, statuses.getOrDefault("RUNNING", 0) == 0, "no message left running at the end");
    if (!s.killAfter().isZero()) {
      check(out, changedSinceKill == 0, "every answer saved before the kill kept");
      check(
          out,
          takeoverMillis >= 0 && takeoverMillis <= s.runningLimit().toMillis(),
          "the dead instance's messages left running within %d s"
              .formatted(s.runningLimit().toSeconds()));
    }
    out.add("cluster status at the end:");
    clusterStatus.lines().forEach(line -> out.add("  " + line));
    return out;
  }

  private static void check(List<String> out, boolean ok, String what) {
    out.add((ok ? "PASS " : "FAIL ") + what);
  }
}
