package dev.shortlease.guardrails.rules;

import static dev.shortlease.guardrails.rules.Technology.CAFFEINE;
import static dev.shortlease.guardrails.rules.Technology.DATASOURCE_PROXY;
import static dev.shortlease.guardrails.rules.Technology.FLYWAY;
import static dev.shortlease.guardrails.rules.Technology.HIKARI;
import static dev.shortlease.guardrails.rules.Technology.JACKSON;
import static dev.shortlease.guardrails.rules.Technology.JAVALIN;
import static dev.shortlease.guardrails.rules.Technology.JDBC;
import static dev.shortlease.guardrails.rules.Technology.JPA;
import static dev.shortlease.guardrails.rules.Technology.LANGCHAIN4J;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.properties.HasName;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every rule can fail: each has a fixture (a tiny fake service under {@code fixtures.<name>}) that
 * breaks it, and the rule must report that violation and nothing else.
 */
class RuleFixturesTest {
  static final String FIXTURES = "dev.shortlease.guardrails.rules.fixtures";

  /**
   * One rule (by name), the fixture that breaks it, how the fixture's hexagon is described, the
   * text every violation line must contain, and the culprit class (relative to the fixture root).
   */
  record Case(
      String fixture,
      String rule,
      UnaryOperator<Hexagon.Builder> hexagon,
      String expected,
      Optional<String> offender) {

    static Case of(
        String fixture, String rule, UnaryOperator<Hexagon.Builder> hexagon, String offender) {
      String fqcn = FIXTURES + "." + fixture + "." + offender;
      return new Case(fixture, rule, hexagon, fqcn, Optional.of(fqcn));
    }

    static Case of(String fixture, String rule, String offender) {
      return of(fixture, rule, h -> h, offender);
    }

    String root() {
      return FIXTURES + "." + fixture;
    }

    ArchRule build() {
      return HexagonRules.of(hexagon.apply(Hexagon.describe(root())).build()).rule(rule);
    }
  }

  /** Where the techleak fixture leaks each technology. */
  private static final Map<Technology, String> TECH_LEAKS =
      Map.ofEntries(
          Map.entry(JPA, "domain.UsesJpa"),
          Map.entry(JDBC, "application.UsesJdbc"),
          Map.entry(HIKARI, "adapter.web.UsesHikari"),
          Map.entry(FLYWAY, "application.UsesFlyway"),
          Map.entry(CAFFEINE, "adapter.llm.UsesCaffeine"),
          Map.entry(Technology.MICROMETER, "application.UsesMicrometer"),
          Map.entry(DATASOURCE_PROXY, "application.UsesDatasourceProxy"),
          Map.entry(Technology.GUICE, "adapter.persistence.UsesGuice"),
          Map.entry(JACKSON, "adapter.persistence.UsesJackson"),
          Map.entry(JAVALIN, "application.UsesJavalin"),
          Map.entry(LANGCHAIN4J, "adapter.web.UsesLangchain4j"),
          Map.entry(Technology.OPENTELEMETRY, "application.UsesOpenTelemetry"));

  private static final UnaryOperator<Hexagon.Builder> THREE_ADAPTERS =
      h ->
          h.adapter(
                  "persistence",
                  "adapter.persistence",
                  JPA,
                  JDBC,
                  HIKARI,
                  FLYWAY,
                  CAFFEINE,
                  DATASOURCE_PROXY)
              .adapter("web", "adapter.web", JAVALIN, JACKSON)
              .adapter("llm", "adapter.llm", LANGCHAIN4J);

  static final List<Case> CASES = cases();

  private static List<Case> cases() {
    List<Case> cases = new ArrayList<>();
    cases.add(Case.of("domainleak", "domainDependsOnJavaOnly", "domain.BadRecord"));
    cases.add(
        Case.of(
            "applicationleak",
            "applicationDependsOnDomainAndInjectOnly",
            "application.BadService"));
    TECH_LEAKS.forEach(
        (technology, offender) ->
            cases.add(
                Case.of(
                    "techleak",
                    HexagonRules.technologyRuleName(technology),
                    THREE_ADAPTERS,
                    offender)));
    cases.add(
        new Case(
            "unusedtech",
            "adaptersUseTheirTechnology",
            h ->
                h.adapter("persistence", "adapter.persistence", JPA, JDBC)
                    .adapter("web", "adapter.web", JAVALIN)
                    .adapter("llm", "adapter.llm", LANGCHAIN4J),
            "no class in " + FIXTURES + ".unusedtech.adapter.llm uses LangChain4j",
            Optional.empty()));
    cases.add(
        Case.of(
            "adaptercycle",
            "adaptersDoNotDependOnEachOther",
            h ->
                h.adapter("persistence", "adapter.persistence")
                    .adapter("llm", "adapter.llm")
                    .adapter("web", "adapter.web"),
            "adapter.web.BadController"));
    cases.add(
        Case.of(
            "adapterinternals",
            "adaptersUseOnlyApplicationPorts",
            h -> h.adapter("web", "adapter.web"),
            "adapter.web.BadController"));
    cases.add(
        Case.of("compositionused", "nothingDependsOnTheComposition", "application.BadService"));
    UnaryOperator<Hexagon.Builder> jpa = h -> h.adapter("persistence", "adapter.persistence", JPA);
    cases.add(
        Case.of("publicentity", "entitiesAreNotPublic", jpa, "adapter.persistence.PublicEntity"));
    cases.add(
        Case.of(
            "sessionfield",
            "sessionsAreNotKeptInFields",
            jpa,
            "adapter.persistence.SharedRepository"));
    cases.add(
        Case.of(
            "entityleak",
            "entitiesStayOutOfReachableSignatures",
            jpa,
            "adapter.persistence.LeakyRepository"));
    cases.add(
        Case.of(
            "portleak",
            "portsSpeakValues",
            h ->
                h.outPorts("application.port.out", "domain.port")
                    .handles(FIXTURES + ".portleak.application.port.out.TokenSink")
                    .portValues(FIXTURES + ".portleak.application.port.out.StopFlag"),
            "domain.port.BadPort"));
    cases.add(Case.of("modelportleak", "portsSpeakValues", "application.port.out.BadModelPort"));
    cases.add(
        Case.of(
            "inportleak",
            "inPortsSpeakValues",
            h -> h.handles(FIXTURES + ".inportleak.application.port.in.RunHandle"),
            "application.port.in.PeekUseCase"));
    cases.add(
        Case.of(
            "splitleak",
            "persistencePortsBelongToTheirAdapter",
            h ->
                h.adapter("persistence", "adapter.persistence")
                    .adapter("llm", "adapter.llm")
                    .persistencePorts("domain.port", "persistence"),
            "adapter.llm.SneakyThings"));
    cases.add(
        Case.of(
            "longcallsplit",
            "persistencePortsBelongToTheirAdapter",
            h ->
                h.adapter("persistence", "adapter.persistence")
                    .persistencePorts("domain.port", "persistence")
                    .longCallPorts(FIXTURES + ".longcallsplit.application.port.out.LongCall"),
            "domain.port.RemoteThingsPort"));
    cases.add(
        Case.of(
            "misplacedlongcall",
            "longCallTypesAreApplicationInterfaces",
            h -> h.longCallPorts(FIXTURES + ".misplacedlongcall.application.port.out.LongCall"),
            "application.chat.RemoteClient"));
    cases.add(
        Case.of(
            "domainlongcall",
            "longCallTypesAreApplicationInterfaces",
            h -> h.longCallPorts(FIXTURES + ".domainlongcall.application.port.out.LongCall"),
            "domain.Weather"));
    for (String fixture :
        List.of(
            "longcalllambda",
            "longcallhelper",
            "longcallmethodref",
            "longcalltransactional",
            "longcallformatted")) {
      cases.add(
          Case.of(
              fixture,
              "longCallsOutsideTransactions",
              h ->
                  h.longCallPorts(FIXTURES + "." + fixture + ".application.port.out.LongCall")
                      .transactionCallbacks(FIXTURES + "." + fixture + ".adapter.persistence.Tx")
                      .transactionalMethods(
                          FIXTURES + "." + fixture + ".application.Transactional"),
              "application.BadService"));
    }
    // a library client (the JDK's HttpClient) named as a long call, no annotation of the service
    cases.add(
        Case.of(
            "longcalllibrary",
            "longCallsOutsideTransactions",
            h ->
                h.alsoLongCalls("java.net.http.HttpClient")
                    .transactionCallbacks(FIXTURES + ".longcalllibrary.adapter.persistence.Tx")
                    .transactionalMethods(FIXTURES + ".longcalllibrary.application.Transactional"),
            "application.BadService"));
    cases.add(
        Case.of(
            "vocabulary",
            "adapterVocabularyStaysInAdapters",
            h -> h.adapterVocabulary("wire"),
            "domain.Mode"));
    cases.add(
        Case.of(
            "duplicatenames",
            "classNamesAreUnique",
            Hexagon.Builder::uniqueClassNames,
            "application.Json"));
    cases.add(
        Case.of(
            "usecasename",
            "useCasesAreNamed",
            h -> h.useCasesNamed("UseCase"),
            "application.port.in.Sending"));
    cases.add(
        Case.of(
            "outportname",
            "outPortsAreNamed",
            h -> h.outPortsNamed("Port"),
            "application.port.out.Storage"));
    cases.add(
        Case.of(
            "adaptername",
            "adaptersAreNamed",
            h -> h.adapter("persistence", "adapter.persistence").adaptersNamed("Adapter"),
            "adapter.persistence.Store"));
    return List.copyOf(cases);
  }

  @TestFactory
  @DisplayName("each rule reports its fixture's violation, and only that one")
  Stream<DynamicTest> eachRuleReportsItsFixture() {
    return CASES.stream()
        .map(c -> DynamicTest.dynamicTest(c.fixture() + " breaks " + c.rule(), () -> verify(c)));
  }

  @Test
  @DisplayName("every rule of a hexagon with every part has at least one fixture")
  void everyRuleHasAFixture() {
    List<String> covered = CASES.stream().map(Case::rule).distinct().toList();

    assertThat(covered).containsExactlyInAnyOrderElementsOf(HexagonRulesTest.everyPart().names());
  }

  private static void verify(Case c) {
    JavaClasses fixture = new ClassFileImporter().importPackages(c.root());
    ArchRule rule = c.build();

    EvaluationResult result = rule.evaluate(fixture);

    assertThat(result.hasViolation()).as("rule %s on %s", c.rule(), c.fixture()).isTrue();
    assertThat(result.getFailureReport().toString()).contains(c.rule() + ": ");
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
