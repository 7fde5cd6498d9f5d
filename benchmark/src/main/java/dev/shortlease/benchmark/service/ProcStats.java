package dev.shortlease.benchmark.service;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Linux {@code /proc} readings: a process's CPU time and resident memory, and the machine's busy
 * CPU, so a report can tell whether the service, the load generator or the machine was the limit.
 */
public final class ProcStats {

  /** USER_HZ; 100 on every mainstream Linux. */
  private static final double TICKS_PER_SECOND = 100.0;

  private ProcStats() {}

  /** User + system CPU seconds of {@code pid}; 0 when not readable. */
  public static double cpuSeconds(long pid) {
    try {
      return ticks(Files.readString(Path.of("/proc", Long.toString(pid), "stat")))
          / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return 0;
    }
  }

  /**
   * CPU seconds of {@code pid}'s JIT compiler threads ({@code C1 CompilerThread…}, {@code C2
   * CompilerThread…}); 0 when not readable. A fresh JVM's window still holds compilation, which a
   * mode with more code pays more of: the CPU per chat without it is the steadier comparison.
   * Compiler threads must not exit during the window (the service runs with {@code
   * -XX:-UseDynamicNumberOfCompilerThreads}), or their time would leave this sum and not the total.
   */
  public static double jitCpuSeconds(long pid) {
    long total = 0;
    try (var tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
      for (Path task : tasks.toList()) {
        try {
          String name = Files.readString(task.resolve("comm"));
          if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
            total += ticks(Files.readString(task.resolve("stat")));
          }
        } catch (IOException | RuntimeException threadGone) {
          // the thread ended between the listing and the read
        }
      }
    } catch (IOException | RuntimeException e) {
      return 0;
    }
    return total / TICKS_PER_SECOND;
  }

  /** utime + stime of a {@code stat} line: fields 14 and 15, after the parenthesised name. */
  private static long ticks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  /** A {@code /proc/<pid>/status} value in MiB ({@code VmRSS}, {@code VmHWM}); 0 if unknown. */
  public static double statusMib(long pid, String key) {
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
      for (String line : lines) {
        if (line.startsWith(key + ":")) {
          String kib = line.substring(key.length() + 1).trim().split("\\s+")[0];
          return Long.parseLong(kib) / 1024.0;
        }
      }
    } catch (IOException | RuntimeException e) {
      // process gone or not Linux
    }
    return 0;
  }

  /** Machine CPU ticks as {busy, total} from the first line of {@code /proc/stat}. */
  public static long[] machineTicks() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
      long total = 0;
      for (int i = 1; i < f.length; i++) {
        total += Long.parseLong(f[i]);
      }
      long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
      return new long[] {total - idle, total};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }
}
