package dev.shortlease.guardrails.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Library types named with alsoLongCalls: the static rule for clients a service cannot annotate.
 */
class LibraryLongCallsTest {
  private static final String ROOT = RuleFixturesTest.FIXTURES + ".longcalllibrary";
  private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages(ROOT);

  private static Hexagon.Builder fixture() {
    return Hexagon.describe(ROOT)
        .transactionCallbacks(ROOT + ".adapter.persistence.Tx")
        .transactionalMethods(ROOT + ".application.Transactional");
  }

  @Test
  @DisplayName("library types alone switch the long-call rule on, the placement rule stays off")
  void libraryTypesAloneMakeTheRule() {
    HexagonRules rules =
        HexagonRules.of(fixture().alsoLongCalls("java.net.http.HttpClient").build());

    assertThat(rules.names())
        .contains("longCallsOutsideTransactions")
        .doesNotContain("longCallTypesAreApplicationInterfaces");
  }

  @Test
  @DisplayName("the violation names the library call and the path to it")
  void violationNamesTheLibraryCall() {
    String report =
        HexagonRules.of(fixture().alsoLongCalls("java.net.http.HttpClient").build())
            .longCallsOutsideTransactions()
            .evaluate(FIXTURE)
            .getFailureReport()
            .toString();

    assertThat(report)
        .contains(
            ROOT
                + ".application.BadService.enrich(java.net.URI) calls long-call port"
                + " java.net.http.HttpClient.send inside a transaction (annotated @Transactional")
        .contains("via " + ROOT + ".application.BadService.fetch(java.net.URI)");
  }

  @Test
  @DisplayName("a misspelt library type fails instead of passing vacuously")
  void misspeltLibraryTypeFails() {
    String report =
        HexagonRules.of(fixture().alsoLongCalls("java.net.http.HttpClients").build())
            .longCallsOutsideTransactions()
            .evaluate(FIXTURE)
            .getFailureReport()
            .toString();

    assertThat(report)
        .contains(
            "long-call type java.net.http.HttpClients is named by alsoLongCalls but no imported"
                + " code calls it");
  }

  @Test
  @DisplayName("a type of the service itself is refused: it is marked by annotation or package")
  void ownTypesAreRefused() {
    assertThatThrownBy(() -> fixture().alsoLongCalls(ROOT + ".application.BadService"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("alsoLongCalls is for library types");
  }
}
