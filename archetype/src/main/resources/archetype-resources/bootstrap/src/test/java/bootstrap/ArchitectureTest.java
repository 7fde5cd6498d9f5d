package ${package}.bootstrap;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import ${package}.application.port.out.LongCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import dev.shortlease.guardrails.rules.Hexagon;
import dev.shortlease.guardrails.rules.HexagonRules;
import dev.shortlease.guardrails.rules.Technology;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** This service's hexagon, described once; the guardrails kit derives every rule from it. */
class ArchitectureTest {
  static final Hexagon HEXAGON =
      Hexagon.describe("${package}")
          .adapter(
              "persistence",
              "adapter.persistence",
              Technology.JPA,
              Technology.JDBC,
              Technology.HIKARI,
              Technology.FLYWAY,
              Technology.MICROMETER,
              Technology.GUICE)
#if( $withLlm == "true" )
          .adapter("llm", "adapter.llm", Technology.LANGCHAIN4J, Technology.GUICE)
#end
          .adapter("web", "adapter.web", Technology.JAVALIN, Technology.JACKSON)
          .adapter("simulated", "adapter.simulated")
          .longCallPorts(LongCall.class)
          // SessionScope is where this service opens transactions; the JPA factory's own
          // callInTransaction/runInTransaction opens one too, wherever it is called.
          .transactionCallbacks(
              "${package}.adapter.persistence.SessionScope",
              "jakarta.persistence.EntityManagerFactory")
          // Server's wiring leak-checks, and makes a unit of work of, the *UseCase bindings only:
          // an in-port named otherwise would silently be neither.
          .useCasesNamed("UseCase")
          .build();

  /**
   * Where this module's test classes are, the only tests on the class path. (ArchUnit's own
   * DO_NOT_INCLUDE_TESTS goes by path and drops everything when the project itself sits under a
   * directory named test-classes.)
   */
  private static final String TEST_CLASSES =
      ArchitectureTest.class.getProtectionDomain().getCodeSource().getLocation().toString();

  /** One test per rule, named after it, so a failure says which rule broke. */
  @TestFactory
  Stream<DynamicTest> theServiceKeepsToItsHexagon() {
    JavaClasses classes = production();
    HexagonRules rules = HexagonRules.of(HEXAGON);
    return rules.names().stream()
        .map(name -> dynamicTest(name, () -> rules.rule(name).check(classes)));
  }

  /**
   * The rules check only the packages HEXAGON names: a class anywhere else (a new adapter module
   * under a package not described above) would be checked by none of them.
   */
  @Test
  void everyClassIsInADescribedPart() {
    List<String> parts = new ArrayList<>();
    HEXAGON.domain().ifPresent(parts::add);
    HEXAGON.application().ifPresent(parts::add);
    parts.addAll(HEXAGON.inPorts());
    parts.addAll(HEXAGON.outPorts());
    HEXAGON.adapters().forEach(adapter -> parts.add(adapter.packageName()));
    HEXAGON.composition().ifPresent(parts::add);
    classes()
        .should()
        .resideInAnyPackage(parts.stream().map(part -> part + "..").toArray(String[]::new))
        .as("everyClassIsInADescribedPart: every class lies in a package HEXAGON describes")
        .because(
            "the rules check no other class: describe a new adapter in ArchitectureTest.HEXAGON"
                + " with .adapter(name, package, the technologies it uses)")
        .check(production());
  }

  private static JavaClasses production() {
    return new ClassFileImporter()
        .withImportOption(location -> !location.asURI().toString().startsWith(TEST_CLASSES))
        .importPackages("${package}");
  }
}
