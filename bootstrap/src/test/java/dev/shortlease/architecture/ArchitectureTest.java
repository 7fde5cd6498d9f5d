package dev.shortlease.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs every architecture rule on shortlease's production classes (tests excluded). */
class ArchitectureTest {
  private static final ShortleaseArchitecture ARCHITECTURE =
      ShortleaseArchitecture.of("dev.shortlease");
  private static JavaClasses production;

  @BeforeAll
  static void importProductionClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            // In `verify` the sibling modules' test-jars (*-tests.jar) are on the classpath too.
            .withImportOption(location -> !location.contains("-tests.jar"))
            .importPackages("dev.shortlease..");
  }

  @Test
  @DisplayName("the import sees every module, so the rules below look at real code")
  void importSeesEveryModule() {
    assertThat(production.containPackage("dev.shortlease.domain")).isTrue();
    assertThat(production.containPackage("dev.shortlease.application")).isTrue();
    assertThat(production.containPackage("dev.shortlease.bootstrap")).isTrue();
    ARCHITECTURE
        .adapters()
        .forEach(
            adapter ->
                assertThat(production.containPackage(adapter.packageName()))
                    .as("classes of %s imported", adapter.packageName())
                    .isTrue());
    assertThat(production.contain("dev.shortlease.architecture.ArchitectureTest")).isFalse();
    assertThat(production.contain("dev.shortlease.domain.port.inmemory.InMemoryStore"))
        .as("test-jar classes are not production code")
        .isFalse();
  }

  @TestFactory
  @DisplayName("shortlease keeps every architecture rule")
  Stream<DynamicTest> everyRuleHolds() {
    return ARCHITECTURE.rules().stream()
        .map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> check(rule)));
  }

  private static void check(ArchRule rule) {
    rule.check(production);
  }
}
