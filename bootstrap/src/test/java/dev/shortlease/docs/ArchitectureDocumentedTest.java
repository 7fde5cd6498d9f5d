package dev.shortlease.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** docs/architecture.md names every port the application calls out through. */
class ArchitectureDocumentedTest {

  private static final Path ROOT = TourLinksTest.ROOT;

  @Test
  @DisplayName("every port of application.port.out is named in docs/architecture.md")
  void everyOutPortIsNamed() throws Exception {
    Path ports = ROOT.resolve("application/src/main/java/dev/shortlease/application/port/out");
    List<String> names;
    try (Stream<Path> files = Files.list(ports)) {
      names =
          files
              .map(f -> f.getFileName().toString())
              .filter(f -> f.endsWith("Port.java"))
              .map(f -> f.substring(0, f.length() - ".java".length()))
              .toList();
    }
    String page = Files.readString(ROOT.resolve("docs/architecture.md"));

    assertThat(names).as("ports found (the scan works)").contains("ChatModelPort");
    assertThat(names).allSatisfy(port -> assertThat(page).contains("`" + port + "`"));
  }
}
