package dev.shortlease.guardrails.rules;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The library as a consumer uses it: {@code @ArchTest} fields on one described hexagon, run by
 * ArchUnit's JUnit 5 engine over the clean fixture service.
 */
@AnalyzeClasses(packages = HexagonRulesTest.CLEAN)
class ConsumerUsageTest {
  private static final HexagonRules RULES = HexagonRules.of(HexagonRulesTest.cleanService());

  @ArchTest static final ArchRule hexagon = RULES.everything();

  @ArchTest static final ArchRule noLongCallInATransaction = RULES.longCallsOutsideTransactions();
}
