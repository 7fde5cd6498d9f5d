package dev.shortlease.benchmark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Benchmark report: which code a run measured — the checkout's commit, and whether tracked files
 * differed from it — so a committed {@code results.json} can be checked against the code it claims
 * to measure. Changes under {@code bench-results/} (the run's own output) do not count.
 */
final class CodeVersion {
  static final String UNKNOWN = "unknown";

  private CodeVersion() {}

  /**
   * {@code commit} (full hash, or {@value #UNKNOWN} outside a Git checkout or without {@code git})
   * and {@code uncommitted_changes} (true, false, or {@value #UNKNOWN}) of the checkout at {@code
   * directory}.
   */
  static Map<String, Object> describe(Path directory) {
    Map<String, Object> code = new LinkedHashMap<>();
    String commit = git(directory, "rev-parse", "HEAD");
    code.put("commit", commit == null ? UNKNOWN : commit);
    String changes =
        commit == null
            ? null
            : git(
                directory,
                "status",
                "--porcelain",
                "--untracked-files=no",
                "--",
                ".",
                ":(exclude)bench-results");
    code.put("uncommitted_changes", changes == null ? UNKNOWN : !changes.isEmpty());
    return code;
  }

  /** For the chart and the console: "code 1a2b3c4", "… with uncommitted changes" when so. */
  static String label(Map<String, Object> code) {
    String commit = String.valueOf(code.get("commit"));
    String label = "code " + (commit.length() > 7 ? commit.substring(0, 7) : commit);
    return Boolean.TRUE.equals(code.get("uncommitted_changes"))
        ? label + " with uncommitted changes"
        : label;
  }

  /** The command's trimmed output, or null when it failed or could not run. */
  private static String git(Path directory, String... arguments) {
    List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
    command.addAll(List.of(arguments));
    try {
      Process process =
          new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      process.getOutputStream().close();
      String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        return null;
      }
      return out.trim();
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }
}
