package dev.shortlease.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Every page of docs/ and the README names code that exists: its links hold, and each {@code
 * `Type.member`} it writes (ADRs aside, which keep the names of their day) is declared by a type of
 * that name in the repository. Types that are not ours (the JDK's, the libraries', names the
 * archetype's tests plant) are listed here, so a renamed class of ours shows up as a new unknown
 * name rather than passing unseen.
 */
class CodeNamesInDocsTest {

  static final Path ROOT = TourLinksTest.ROOT;

  /** `Type.member` or `Type.member(..)` in inline code, the member starting lower-case. */
  private static final Pattern NAME = Pattern.compile("`([A-Z][A-Za-z0-9]*)\\.([a-z]\\w*)[`(]");

  /** Type names, or Type.member names, that are not ours; each line says whose they are. */
  private static final Set<String> NOT_OURS =
      Stream.of(
              "Condition Connection Duration Elements FileDescriptor Future Method Net", // the JDK
              "NioSocketImpl Semaphore Statement String System Thread UUID", // the JDK
              "ClockSource Context DelayScheduler EntityManagerFactory HikariPool", // libraries
              "HttpConfiguration ImageContent JavaAccess Modules SessionFactory", // libraries
              "DifyClient ChatClient.createChatMessage CompletionClient", // Dify's Node SDK
              "MessageService.pagination_by_first_id", // Dify's services, in Python
              "EagerAnswers FactoryAnswers QuestionRowsPort", // planted by the archetype's IT
              "Port Type") // placeholders in guardrails.md and the README
          .flatMap(line -> Stream.of(line.split(" ")))
          .collect(Collectors.toSet());

  private static JavaSources sources;

  @BeforeAll
  static void readSources() throws IOException {
    sources = JavaSources.under(ROOT);
  }

  @Test
  @DisplayName("every link of every docs page and the README holds")
  void linksHold() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path page : pages()) {
      problems.addAll(DocLinks.problems(page));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  @DisplayName("every `Type.member` the docs and the README write is declared by that type")
  void namesHold() throws IOException {
    List<String> problems = new ArrayList<>();
    for (Path page : pages()) {
      if (page.startsWith(ROOT.resolve("docs/adr"))) {
        continue; // an ADR records the names of its day: "AppMode.wire() used to ..."
      }
      problems.addAll(problems(sources, ROOT.relativize(page).toString(), Files.readString(page)));
    }
    assertThat(problems).isEmpty();
  }

  @Test
  @DisplayName("the check reports a member the type lacks and a type nobody declares")
  void checkCatchesRot() {
    JavaSources code =
        JavaSources.of(
            "final class Guard {\n  record Lease(long id) {}\n  void check() { run(stop); }\n}\n",
            "final class Other {\n  void stop() {}\n}\n");
    String page =
        "`Guard.check` and `Lease.id` hold; `Guard.run()` is only a call, `Guard.stop` is"
            + " Other's, `Gone.check` was renamed and `Duration.ofSeconds` is the JDK's;"
            + " `V2__stop_request.sql` is a file.\n";

    assertThat(problems(code, "page.md", page))
        .containsExactly(
            "page.md: `Gone.check`: no type Gone in the repository (or add it to NOT_OURS)",
            "page.md: `Guard.run`: Guard declares no member run",
            "page.md: `Guard.stop`: Guard declares no member stop");
  }

  static List<String> problems(JavaSources code, String page, String text) {
    Set<String> problems = new TreeSet<>();
    Matcher name = NAME.matcher(text);
    while (name.find()) {
      String type = name.group(1);
      String member = name.group(2);
      String where = page + ": `" + type + "." + member + "`: ";
      if (NOT_OURS.contains(type) || NOT_OURS.contains(type + "." + member)) {
        continue;
      }
      List<String> bodies = code.bodiesOf(type);
      if (bodies.isEmpty()) {
        problems.add(where + "no type " + type + " in the repository (or add it to NOT_OURS)");
      } else if (bodies.stream().noneMatch(b -> JavaSources.declaresMember(b, member))) {
        problems.add(where + type + " declares no member " + member);
      }
    }
    return new ArrayList<>(problems);
  }

  /** README.md and every page under docs/, in a stable order. */
  static List<Path> pages() throws IOException {
    try (Stream<Path> docs = Files.walk(ROOT.resolve("docs"))) {
      return Stream.concat(
              Stream.of(ROOT.resolve("README.md")),
              docs.filter(p -> p.toString().endsWith(".md")).sorted())
          .toList();
    }
  }
}
