package dev.shortlease.benchmark;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;

/** Benchmark report: the machine a run was taken on, and how loaded it was. */
final class MachineInfo {

  private MachineInfo() {}

  static Map<String, Object> describe(String databaseUrl) {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cpus", Runtime.getRuntime().availableProcessors());
    machine.put("memory_mb", meminfoMb("MemTotal"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
    machine.put(
        "jdk", System.getProperty("java.vm.vendor") + " " + System.getProperty("java.version"));
    machine.put("load_average_at_start", loadAverage());
    // The C=10,000 point needs ~10,000 sockets in the generator and as many in the service.
    machine.put("open_files_limit", openFilesLimit());
    try (Connection c = DriverManager.getConnection(databaseUrl);
        Statement s = c.createStatement()) {
      machine.put("postgresql", scalar(s, "SHOW server_version"));
      machine.put("postgresql_max_connections", scalar(s, "SHOW max_connections"));
    } catch (Exception e) {
      machine.put("postgresql", "unknown: " + e.getMessage());
    }
    return machine;
  }

  /** The 1, 5 and 15 minute load averages, as {@code /proc/loadavg} shows them. */
  static String loadAverage() {
    try {
      String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
      return String.join(" ", fields[0], fields[1], fields[2]);
    } catch (Exception e) {
      return "unknown";
    }
  }

  /** This process's soft limit on open files ({@code ulimit -n}); child services inherit it. */
  static String openFilesLimit() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/limits"))) {
        if (line.startsWith("Max open files")) {
          return line.substring("Max open files".length()).trim().split("\\s+")[0];
        }
      }
    } catch (Exception e) {
      // not Linux
    }
    return "unknown";
  }

  private static long meminfoMb(String key) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
        if (line.startsWith(key + ":")) {
          return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
        }
      }
    } catch (Exception e) {
      // not Linux
    }
    return -1;
  }

  private static String scalar(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }
}
