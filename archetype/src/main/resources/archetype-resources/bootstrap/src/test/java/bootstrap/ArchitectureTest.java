package ${package}.bootstrap;

import ${package}.application.port.out.LongCall;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.shortlease.guardrails.rules.Hexagon;
import dev.shortlease.guardrails.rules.HexagonRules;
import dev.shortlease.guardrails.rules.Technology;
import org.junit.jupiter.api.Test;

/** This service's hexagon, described once; the guardrails kit derives every rule from it. */
class ArchitectureTest {
  static final Hexagon HEXAGON =
      Hexagon.describe("${package}")
          .adapter(
              "persistence",
              "adapter.persistence",
              Technology.JPA,
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
          .transactionCallbacks("${package}.adapter.persistence.SessionScope")
          .build();

  @Test
  void theServiceKeepsToItsHexagon() {
    JavaClasses classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("${package}");
    HexagonRules.of(HEXAGON).everything().check(classes);
  }
}
