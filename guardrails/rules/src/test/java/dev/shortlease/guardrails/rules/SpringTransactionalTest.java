package dev.shortlease.guardrails.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A Spring service names no transaction marker: its {@code @Transactional} is Spring's own. The
 * long-call rule must still apply, not drop out of the rule set unannounced.
 */
class SpringTransactionalTest {
  private static final String ROOT = RuleFixturesTest.FIXTURES + ".springtransactional";
  private static final JavaClasses FIXTURE = new ClassFileImporter().importPackages(ROOT);

  private static Hexagon layeredSpringService() {
    return Hexagon.describe(ROOT)
        .noDomain()
        .application("service")
        .noInPorts()
        .noOutPorts()
        .noComposition()
        .alsoLongCalls("java.net.http.HttpClient")
        .build();
  }

  @Test
  @DisplayName("long calls and no marker named: Spring's @Transactional is checked")
  void springTransactionalIsCheckedWithoutBeingNamed() {
    HexagonRules rules = HexagonRules.of(layeredSpringService());

    assertThat(rules.names()).contains("longCallsOutsideTransactions");
    assertThat(rules.longCallsOutsideTransactions().evaluate(FIXTURE).getFailureReport().toString())
        .contains(
            ROOT
                + ".service.ReplyService.draft(java.net.URI) calls long-call port"
                + " java.net.http.HttpClient.send inside a transaction (annotated @Transactional");
  }

  @Test
  @DisplayName("a method that suspends or forbids the transaction runs outside it")
  void propagationThatSuspendsTheTransactionIsOutsideIt() {
    String report =
        HexagonRules.of(layeredSpringService())
            .longCallsOutsideTransactions()
            .evaluate(FIXTURE)
            .getFailureReport()
            .toString();

    assertThat(report)
        .contains(ROOT + ".service.EscapingService.inherited(java.net.URI) calls long-call port")
        .doesNotContain("EscapingService.suspended")
        .doesNotContain("EscapingService.never")
        .doesNotContain("EscapingService.call");
  }

  @Test
  @DisplayName("assumed markers and no transaction anywhere: the rule fails, it does not vanish")
  void noTransactionAtAllFailsLoudly() {
    JavaClasses controllerOnly = new ClassFileImporter().importPackages(ROOT + ".web");
    Hexagon hexagon =
        Hexagon.describe(ROOT)
            .noDomain()
            .noInPorts()
            .noOutPorts()
            .noComposition()
            .application("web")
            .alsoLongCalls("java.net.http.HttpClient")
            .build();

    assertThat(hexagon.transactionalAnnotations()).isEqualTo(Hexagon.COMMON_TRANSACTIONAL);
    assertThatThrownBy(
            () -> HexagonRules.of(hexagon).longCallsOutsideTransactions().check(controllerOnly))
        .hasMessageContaining("code that runs inside a transaction")
        .hasMessageContaining("failed to check any classes");
  }

  @Test
  @DisplayName("a named marker replaces the assumption")
  void namedMarkersAreNotAssumed() {
    Hexagon hexagon =
        Hexagon.describe(ROOT)
            .noDomain()
            .noInPorts()
            .noOutPorts()
            .noComposition()
            .application("service")
            .transactionCallbacks("org.springframework.transaction.support.TransactionTemplate")
            .alsoLongCalls("java.net.http.HttpClient")
            .build();

    assertThat(hexagon.transactionalAnnotations()).isEmpty();
  }
}
