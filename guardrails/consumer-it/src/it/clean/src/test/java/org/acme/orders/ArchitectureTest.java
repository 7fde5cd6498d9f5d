package org.acme.orders;

import static dev.shortlease.guardrails.rules.Technology.HIKARI;
import static dev.shortlease.guardrails.rules.Technology.JDBC;
import static dev.shortlease.guardrails.rules.Technology.JPA;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.shortlease.guardrails.rules.Hexagon;
import dev.shortlease.guardrails.rules.HexagonRules;
import dev.shortlease.guardrails.rules.Technology;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** The order service's hexagon, described once; the kit turns it into its rules. */
class ArchitectureTest {
  static final Technology JDK_HTTP_CLIENT = Technology.of("JDK HTTP client", "java.net.http");

  static final Hexagon ORDERS =
      Hexagon.describe("org.acme.orders")
          .adapter("persistence", "adapter.persistence", JPA, JDBC, HIKARI)
          .adapter("http", "adapter.http", JDK_HTTP_CLIENT)
          .longCallPorts("org.acme.orders.application.port.out.RemoteCall")
          .transactionCallbacks("org.acme.orders.adapter.persistence.Transactions")
          .conventionalNames()
          .build();

  static final JavaClasses PRODUCTION =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages("org.acme.orders");

  /** One test per rule, named by the rule, so a failure says which rule broke. */
  @TestFactory
  Stream<DynamicTest> everyRuleOfTheHexagonHolds() {
    HexagonRules rules = HexagonRules.of(ORDERS);
    return rules.names().stream()
        .map(name -> dynamicTest(name, () -> rules.rule(name).check(PRODUCTION)));
  }
}
