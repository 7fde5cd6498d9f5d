package dev.shortlease.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static dev.shortlease.guardrails.rules.Technology.CAFFEINE;
import static dev.shortlease.guardrails.rules.Technology.FLYWAY;
import static dev.shortlease.guardrails.rules.Technology.GUICE;
import static dev.shortlease.guardrails.rules.Technology.HIKARI;
import static dev.shortlease.guardrails.rules.Technology.JACKSON;
import static dev.shortlease.guardrails.rules.Technology.JAVALIN;
import static dev.shortlease.guardrails.rules.Technology.JDBC;
import static dev.shortlease.guardrails.rules.Technology.JPA;
import static dev.shortlease.guardrails.rules.Technology.LANGCHAIN4J;
import static dev.shortlease.guardrails.rules.Technology.MICROMETER;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.shortlease.application.port.out.LongCall;
import dev.shortlease.guardrails.rules.Hexagon;
import dev.shortlease.guardrails.rules.HexagonRules;
import dev.shortlease.guardrails.rules.Technology;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** shortlease's hexagon, described once; every rule of the guardrails kit runs on it. */
class ArchitectureTest {
  /** The web adapter reads the connection itself to see a blocking client hang up. */
  static final Technology JETTY = Technology.of("Jetty", "org.eclipse.jetty");

  /** The LLM adapter downloads remote images for Ollama with it (checked DNS, ADR 0060). */
  static final Technology HTTP_CLIENT = Technology.of("Apache HttpClient", "org.apache.hc");

  /** The LLM adapter counts a stopped stream's tokens with it (ADR 0085). */
  static final Technology TOKENIZER = Technology.of("JTokkit", "com.knuddels.jtokkit");

  static final Hexagon SHORTLEASE =
      Hexagon.describe("dev.shortlease")
          // Persistence ports sit in the domain (they speak domain values only); the model, tool
          // and ops ports, the ones that may take seconds, in application.port.out.
          .persistencePorts("domain.port", "persistence")
          .adapter(
              "persistence",
              "adapter.persistence",
              JPA,
              JDBC,
              HIKARI,
              FLYWAY,
              CAFFEINE,
              MICROMETER,
              GUICE,
              JACKSON)
          .adapter("llm", "adapter.llm", LANGCHAIN4J, HTTP_CLIENT, TOKENIZER, JACKSON, GUICE)
          .adapter("web", "adapter.web", JAVALIN, JETTY, JACKSON)
          .longCallPorts(LongCall.class)
          .transactionCallbacks("dev.shortlease.adapter.persistence.SessionScope")
          // A one-way cancellation flag the model port needs; it holds no data.
          .portValues("dev.shortlease.application.port.out.StopSignal")
          // The live run a client reads events from, the sink a model streams tokens into, and the
          // flag a request raises when its client hangs up (/suggested stops its model call).
          .handles(
              "dev.shortlease.application.port.in.ChatRun",
              "dev.shortlease.application.port.out.TokenSink",
              "dev.shortlease.application.port.out.StopSignal")
          // Dify's wire format is the web adapter's business; the hexagon speaks its own words.
          .adapterVocabulary("wire", "json", "dify", "http", "css")
          // Adapters are named by role (CachingAppCatalog decorates, HikariPoolMonitor monitors),
          // so only the port naming conventions apply.
          .uniqueClassNames()
          .useCasesNamed("UseCase")
          .outPortsNamed("Port")
          .build();

  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // In `verify` the sibling modules' test-jars (*-tests.jar) are on the classpath too.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.shortlease..")
            // The guardrails kit is a library shortlease uses, not part of its hexagon.
            .that(resideOutsideOfPackage("dev.shortlease.guardrails.."));
  }

  @Test
  @DisplayName("the import sees every module and no test code, so the rules look at real code")
  void importSeesEveryModule() {
    assertThat(production.containPackage("dev.shortlease.domain")).isTrue();
    assertThat(production.containPackage("dev.shortlease.application")).isTrue();
    assertThat(production.containPackage("dev.shortlease.bootstrap")).isTrue();
    SHORTLEASE
        .adapters()
        .forEach(adapter -> assertThat(production.containPackage(adapter.packageName())).isTrue());
    assertThat(production.contain("dev.shortlease.architecture.ArchitectureTest")).isFalse();
    assertThat(production.contain("dev.shortlease.domain.port.inmemory.InMemoryStore"))
        .as("test-jar classes are not production code")
        .isFalse();
  }

  @Test
  @DisplayName("the live ChatRun and StopSignal cross the in-ports only as declared handles")
  void chatRunIsAcceptedOnPurpose() {
    Hexagon withoutHandles = Hexagon.describe("dev.shortlease").build();

    assertThat(
            HexagonRules.of(withoutHandles)
                .inPortsSpeakValues()
                .evaluate(production)
                .getFailureReport()
                .getDetails())
        .isNotEmpty()
        .allSatisfy(
            line ->
                assertThat(line)
                    .containsAnyOf(
                        "dev.shortlease.application.port.in.ChatRun",
                        "dev.shortlease.application.port.out.StopSignal"))
        .anySatisfy(line -> assertThat(line).contains("dev.shortlease.application.port.in.ChatRun"))
        .anySatisfy(line -> assertThat(line).contains("Hexagon.Builder.handles("));
  }

  @TestFactory
  @DisplayName("shortlease keeps every architecture rule of its hexagon (one test per rule)")
  Stream<DynamicTest> everyRuleHolds() {
    HexagonRules rules = HexagonRules.of(SHORTLEASE);
    return rules.names().stream()
        .map(name -> DynamicTest.dynamicTest(name, () -> rules.rule(name).check(production)));
  }
}
