package dev.shortlease.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule can fail: each has a fixture (a tiny fake project under {@code fixtures.<name>}) that
 * breaks it, and the rule must report that violation and nothing else.
 */
class RuleFixturesTest {
  private static final String FIXTURES = "dev.shortlease.architecture.fixtures";

  /** One rule, its fixture, the text every violation line must contain, and the culprit class. */
  private record Case(
      String fixture,
      Function<ShortleaseArchitecture, ArchRule> rule,
      String expected,
      Optional<String> offender) {

    static Case of(String fixture, Function<ShortleaseArchitecture, ArchRule> rule, String cls) {
      String offender = FIXTURES + "." + fixture + "." + cls;
      return new Case(fixture, rule, offender, Optional.of(offender));
    }
  }

  private static final List<Case> CASES =
      List.of(
          Case.of(
              "domainleak", ShortleaseArchitecture::domainDependsOnJavaOnly, "domain.BadRecord"),
          Case.of(
              "applicationleak",
              ShortleaseArchitecture::applicationDependsOnDomainAndInjectOnly,
              "application.BadService"),
          Case.of(
              "persistenceleak",
              a -> a.technologyStaysInItsAdapter("persistence"),
              "domain.BadRecord"),
          Case.of("llmleak", a -> a.technologyStaysInItsAdapter("llm"), "application.BadAssistant"),
          Case.of(
              "webleak",
              a -> a.technologyStaysInItsAdapter("web"),
              "adapter.persistence.BadExporter"),
          new Case(
              "unusedtech",
              ShortleaseArchitecture::adaptersUseTheirTechnology,
              "no class in " + FIXTURES + ".unusedtech.adapter.llm uses dev.langchain4j",
              Optional.empty()),
          Case.of(
              "adaptercycle",
              ShortleaseArchitecture::adaptersDoNotDependOnEachOther,
              "adapter.web.BadController"),
          Case.of(
              "publicentity",
              ShortleaseArchitecture::entitiesAreNotPublic,
              "adapter.persistence.PublicEntity"),
          Case.of(
              "entityleak",
              ShortleaseArchitecture::entitiesStayOutOfReachableSignatures,
              "adapter.persistence.LeakyRepository"),
          Case.of("portleak", ShortleaseArchitecture::portsSpeakValues, "domain.port.BadPort"),
          Case.of(
              "modelportleak",
              ShortleaseArchitecture::portsSpeakValues,
              "application.port.out.BadModelPort"));

  @TestFactory
  @DisplayName("each rule reports its fixture's violation, and only that one")
  Stream<DynamicTest> eachRuleReportsItsFixture() {
    return CASES.stream()
        .map(c -> DynamicTest.dynamicTest(c.fixture() + " breaks its rule", () -> verify(c)));
  }

  @Test
  @DisplayName("every rule of the architecture has at least one fixture")
  void everyRuleHasAFixture() {
    ShortleaseArchitecture probe = ShortleaseArchitecture.of("probe");
    List<String> covered =
        CASES.stream().map(c -> c.rule().apply(probe).getDescription()).distinct().toList();
    List<String> all = probe.rules().stream().map(ArchRule::getDescription).toList();

    assertThat(covered).containsExactlyInAnyOrderElementsOf(all);
  }

  private static void verify(Case c) {
    JavaClasses fixture = new ClassFileImporter().importPackages(FIXTURES + "." + c.fixture());
    ArchRule rule = c.rule().apply(ShortleaseArchitecture.of(FIXTURES + "." + c.fixture()));

    EvaluationResult result = rule.evaluate(fixture);

    assertThat(result.hasViolation()).as("rule %s on %s", rule, c.fixture()).isTrue();
    assertThat(result.getFailureReport().toString()).contains(rule.getDescription());
    assertThat(result.getFailureReport().getDetails())
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).contains(c.expected()));
    c.offender()
        .ifPresent(
            offender -> {
              JavaClasses rest =
                  fixture.that(DescribedPredicate.not(HasName.Predicates.name(offender)));
              assertThat(rest.size()).isEqualTo(fixture.size() - 1);
              assertThat(rule.evaluate(rest).getFailureReport().getDetails())
                  .as("the rule without %s", offender)
                  .isEmpty();
            });
  }
}
