package dev.shortlease.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every {@code $NAME} a shell block of the teaching path uses is one a newcomer can fill: set by an
 * earlier (or the same) block, or named as {@code `NAME`} in the prose of its section. A variable
 * nobody introduced expands to nothing, and the copied command fails with a puzzle (an empty bearer
 * token is a 401).
 */
class ShellVariablesInDocsTest {

  private static final List<String> PAGES =
      List.of(
          "README.md",
          "docs/tour.md",
          "docs/demo.md",
          "docs/exercises/README.md",
          "docs/archetype.md");

  private static final Pattern USE = Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]*)");
  private static final Pattern SET = Pattern.compile("\\b([A-Z][A-Z0-9_]*)=");

  @Test
  @DisplayName("every variable a teaching page's shell command uses is set or introduced")
  void everyVariableIsIntroduced() throws IOException {
    List<String> problems = new ArrayList<>();
    for (String page : PAGES) {
      problems.addAll(problems(page, Files.readAllLines(TourLinksTest.ROOT.resolve(page))));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  @DisplayName("the checker reports a variable neither set nor named in its section")
  void checkerCatchesAnUnintroducedVariable() {
    List<String> page =
        List.of(
            "## Run",
            "Set `TOKEN` first.",
            "```sh",
            "curl -H \"$TOKEN\" $URL",
            "```",
            "## Next",
            "```sh",
            "A=1; echo $A $TOKEN",
            "```");
    assertThat(problems("page.md", page))
        .containsExactly(
            "page.md:4: $URL is never set or named", "page.md:8: $TOKEN is never set or named");
  }

  static List<String> problems(String page, List<String> lines) {
    List<String> problems = new ArrayList<>();
    Set<String> set = new LinkedHashSet<>();
    StringBuilder section = new StringBuilder();
    boolean inShell = false;
    boolean inBlock = false;
    List<String> block = new ArrayList<>();
    int blockStart = 0;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      String fence = line.strip();
      if (fence.startsWith("```")) {
        if (!inBlock) {
          inBlock = true;
          inShell = fence.equals("```sh");
          block.clear();
          blockStart = i + 1;
        } else {
          inBlock = false;
          if (inShell) {
            block.forEach(b -> collect(SET, b, set));
            for (int j = 0; j < block.size(); j++) {
              Matcher use = USE.matcher(block.get(j));
              while (use.find()) {
                String name = use.group(1);
                if (!set.contains(name) && !section.toString().contains("`" + name + "`")) {
                  problems.add(
                      page + ":" + (blockStart + 1 + j) + ": $" + name + " is never set or named");
                }
              }
            }
          }
        }
      } else if (inBlock) {
        block.add(line);
      } else if (line.startsWith("#")) {
        section.setLength(0);
      } else {
        section.append(line).append('\n');
      }
    }
    return problems;
  }

  private static void collect(Pattern pattern, String line, Set<String> names) {
    Matcher m = pattern.matcher(line);
    while (m.find()) {
      names.add(m.group(1));
    }
  }
}
