package dev.shortlease.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every code block of docs/ and the README ends with a fence on a line of its own. Markdown does
 * not close a block on a fence followed by text, so the block runs on and swallows the prose and
 * headings below it.
 */
class CodeFencesInDocsTest {

  private static final Path ROOT = TourLinksTest.ROOT;

  @Test
  @DisplayName("every code block of every docs page and the README closes with a bare fence")
  void everyBlockCloses() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path page : CodeNamesInDocsTest.pages()) {
      problems.addAll(problems(ROOT.relativize(page).toString(), Files.readAllLines(page)));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  @DisplayName("the checker reports text after a closing fence, and a block left open")
  void checkerCatchesAnUnclosedBlock() {
    assertThat(problems("page.md", List.of("```java", "code", "``` Prose.", "## Next", "```")))
        .containsExactly("page.md:3: a fence inside a code block must stand alone: ``` Prose.");
    assertThat(problems("page.md", List.of("```sh", "run", "```", "```"))).hasSize(1);
    assertThat(problems("page.md", List.of("  ```sh", "  run", "  ```"))).isEmpty();
  }

  static List<String> problems(String page, List<String> lines) {
    List<String> problems = new ArrayList<>();
    int openedAt = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (!line.startsWith("```")) {
        continue;
      }
      if (openedAt == 0) {
        openedAt = i + 1;
      } else if (line.equals("```")) {
        openedAt = 0;
      } else {
        problems.add(
            page + ":" + (i + 1) + ": a fence inside a code block must stand alone: " + line);
      }
    }
    if (openedAt != 0) {
      problems.add(page + ":" + openedAt + ": a code block is never closed");
    }
    return problems;
  }
}
