package dev.shortlease.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodeVersionTest {

  @Test
  @DisplayName(
      "the report names the checkout's commit, and says when tracked files outside bench-results"
          + " differ from it")
  void namesTheCommitAndItsChanges(@TempDir Path repo) throws Exception {
    git(repo, "init", "-q");
    Files.writeString(repo.resolve("Main.java"), "class Main {}");
    Files.createDirectories(repo.resolve("bench-results/latest"));
    Files.writeString(repo.resolve("bench-results/latest/results.json"), "{}");
    git(repo, "add", ".");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "first");
    String head = git(repo, "rev-parse", "HEAD");

    assertThat(CodeVersion.describe(repo))
        .isEqualTo(Map.of("commit", head, "uncommitted_changes", false));

    Files.writeString(repo.resolve("bench-results/latest/results.json"), "{\"new\": 1}");
    Files.writeString(repo.resolve("untracked.txt"), "scratch");
    assertThat(CodeVersion.describe(repo)).containsEntry("uncommitted_changes", false);

    Files.writeString(repo.resolve("Main.java"), "class Main { int changed; }");
    Map<String, Object> changed = CodeVersion.describe(repo);
    assertThat(changed).containsEntry("uncommitted_changes", true);
    assertThat(CodeVersion.label(changed))
        .isEqualTo("code " + head.substring(0, 7) + " with uncommitted changes");
  }

  @Test
  @DisplayName("outside a Git checkout the commit is reported as unknown")
  void unknownOutsideACheckout(@TempDir Path plain) {
    assertThat(CodeVersion.describe(plain))
        .isEqualTo(
            Map.of("commit", CodeVersion.UNKNOWN, "uncommitted_changes", CodeVersion.UNKNOWN));
  }

  private static String git(Path repo, String... arguments)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(arguments));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor()).as(String.join(" ", command) + ": " + out).isZero();
    return out.trim();
  }
}
