package dev.shortlease.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tour (docs/tour.md) names only files, types and methods that exist. */
class TourLinksTest {

  static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  @DisplayName("every file, type and method the tour names exists")
  void tourLinksHold() throws Exception {
    Path tour = ROOT.resolve("docs/tour.md");
    assertThat(DocLinks.problems(tour)).isEmpty();
    assertThat(Files.readString(tour)).contains("](../").contains("Proof:");
  }

  @Test
  @DisplayName("the README opens with the idea and points to the tour and the demo")
  void readmeStartsHere() throws Exception {
    String readme = Files.readString(ROOT.resolve("README.md"));
    assertThat(readme).contains("<!-- demo-command: ./shortlease demo -->");
    assertThat(readme.indexOf("docs/tour.md")).isBetween(0, readme.indexOf("## Prerequisites"));
  }

  @Test
  @DisplayName("the checker reports a missing file, type, or method of the named type")
  void checkerCatchesRot(@TempDir Path dir) throws Exception {
    Path docs = Files.createDirectories(dir.resolve("docs"));
    Path code = Files.createDirectories(dir.resolve("src"));
    Files.writeString(
        code.resolve("Guard.java"),
        "final class Guard {\n  void check() {\n    run();\n  }\n}\n"
            + "final class Other {\n  void stop() {}\n}\n");
    Path page = docs.resolve("page.md");
    Files.writeString(
        page,
        "[`Guard.check`](../src/Guard.java) holds.\n"
            + "[`Guard.run`](../src/Guard.java) is only called there.\n"
            + "[`Other.check`](../src/Guard.java) is another type's.\n"
            + "[`Guard.stop`](../src/Guard.java) is declared, but by Other.\n"
            + "[`Missing.check`](../src/Guard.java) is no type there.\n"
            + "[gone](../src/Gone.java) was moved.\n");

    assertThat(DocLinks.problems(page))
        .hasSize(5)
        .anySatisfy(p -> assertThat(p).contains("Guard declares no member run"))
        .anySatisfy(p -> assertThat(p).contains("Other declares no member check"))
        .anySatisfy(p -> assertThat(p).contains("Guard declares no member stop"))
        .anySatisfy(p -> assertThat(p).contains("declares no type Missing"))
        .anySatisfy(p -> assertThat(p).contains("no file"));
  }
}
