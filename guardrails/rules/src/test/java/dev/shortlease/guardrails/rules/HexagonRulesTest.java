package dev.shortlease.guardrails.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The builder and the rule set: layout, optional parts, vacuity, opt-outs. */
class HexagonRulesTest {
  static final String CLEAN = RuleFixturesTest.FIXTURES + ".cleanservice";

  /** A hexagon with every part, so every rule applies. */
  static HexagonRules everyPart() {
    return HexagonRules.of(
        Hexagon.describe("probe")
            .persistencePorts("domain.port", "persistence")
            .adapter(
                "persistence",
                "adapter.persistence",
                Technology.JPA,
                Technology.JDBC,
                Technology.HIKARI)
            .adapter("llm", "adapter.llm", Technology.LANGCHAIN4J)
            .adapter("web", "adapter.web", Technology.JAVALIN, Technology.JACKSON)
            .longCallPorts("probe.application.port.out.LongCall")
            .transactionCallbacks("probe.adapter.persistence.Tx")
            .adapterVocabulary("wire")
            .uniqueClassNames()
            .conventionalNames()
            .build());
  }

  /** The clean fixture service, described as a consumer would. */
  static Hexagon cleanService() {
    return Hexagon.describe(CLEAN)
        .persistencePorts("domain.port", "persistence")
        .adapter("persistence", "adapter.persistence", Technology.JPA)
        .adapter("web", "adapter.web", Technology.JAVALIN)
        .adapter("notify", "adapter.notify")
        .longCallPorts(CLEAN + ".application.port.out.LongCall")
        .transactionCallbacks(CLEAN + ".adapter.persistence.Tx")
        .adapterVocabulary("wire", "json")
        .uniqueClassNames()
        .conventionalNames()
        .build();
  }

  @Test
  @DisplayName("relative names resolve under the root; JPA brings the entity annotations")
  void layoutUnderTheRoot() {
    Hexagon acme =
        Hexagon.describe("com.acme.chat")
            .outPorts("application.port.out")
            .persistencePorts("domain.port", "db")
            .adapter("db", "adapter.db", Technology.JPA)
            .build();

    assertThat(acme.domain()).contains("com.acme.chat.domain");
    assertThat(acme.inPorts()).containsExactly("com.acme.chat.application.port.in");
    assertThat(acme.outPorts())
        .containsExactly("com.acme.chat.application.port.out", "com.acme.chat.domain.port");
    assertThat(acme.adapters().getFirst().packageName()).isEqualTo("com.acme.chat.adapter.db");
    assertThat(acme.composition()).contains("com.acme.chat.bootstrap");
    assertThat(acme.entityAnnotations().orElseThrow()).contains("jakarta.persistence.Entity");
    assertThat(acme.confinedTechnologies()).containsAll(Technology.known());
  }

  @Test
  @DisplayName("rule names are unique, and each description starts with its rule's name")
  void namesAndDescriptions() {
    HexagonRules rules = everyPart();

    assertThat(rules.names()).doesNotHaveDuplicates();
    for (String name : rules.names()) {
      assertThat(rules.rule(name).getDescription()).startsWith(name + ": ").contains(", because ");
    }
    assertThat(rules.all()).hasSameSizeAs(rules.names());
  }

  @Test
  @DisplayName("a part the service lacks produces no rule, and asking for its rule says why")
  void missingPartsProduceNoRules() {
    HexagonRules bare =
        HexagonRules.of(Hexagon.describe("com.acme.batch").noInPorts().noComposition().build());

    assertThat(bare.names())
        .contains("domainDependsOnJavaOnly", "portsSpeakValues")
        .doesNotContain(
            "inPortsSpeakValues",
            "nothingDependsOnTheComposition",
            "adaptersDoNotDependOnEachOther",
            "adaptersUseOnlyApplicationPorts",
            "entitiesAreNotPublic",
            "longCallsOutsideTransactions",
            "persistencePortsBelongToTheirAdapter",
            "useCasesAreNamed");
    assertThatThrownBy(bare::longCallsOutsideTransactions)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("long-call ports");
    assertThatThrownBy(bare::adaptersDoNotDependOnEachOther)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("2 adapters");
  }

  @Test
  @DisplayName("every rule fails on an empty import instead of passing vacuously")
  void everyRuleFailsOnNothing() {
    JavaClasses nothing = new ClassFileImporter().importClasses(List.of());
    HexagonRules rules = everyPart();

    for (String name : rules.names()) {
      assertThatThrownBy(() -> rules.rule(name).check(nothing))
          .as(name)
          .isInstanceOf(AssertionError.class);
    }
  }

  @Test
  @DisplayName("a rule whose subject matched nothing fails under its own name")
  void emptySubjectNamesTheRule() {
    JavaClasses noEntities = new ClassFileImporter().importPackages(ADAPTER_CYCLE);
    HexagonRules rules = HexagonRules.of(adapterCycle(Technology.JPA));

    assertThatThrownBy(() -> rules.rule("entitiesAreNotPublic").check(noEntities))
        .isInstanceOf(AssertionError.class)
        .hasMessageStartingWith("entitiesAreNotPublic: ")
        .hasMessageContaining("failed to check any classes");
  }

  @Test
  @DisplayName("a package or class named by a rule but absent from the import is reported by name")
  void absentPartsAreReported() {
    JavaClasses clean = new ClassFileImporter().importPackages(CLEAN);
    HexagonRules misspelt =
        HexagonRules.of(
            Hexagon.describe(CLEAN)
                .adapter("persistence", "adapter.persistense", Technology.JPA)
                .longCallPorts(CLEAN + ".application.port.out.LongCall")
                .transactionCallbacks(CLEAN + ".adapter.persistence.Transactions")
                .build());

    assertThat(report(misspelt.rule("technologyStaysInItsAdapters(JPA/Hibernate)"), clean))
        .contains(
            "package "
                + CLEAN
                + ".adapter.persistense is named by the rule but no imported class is in it");
    assertThat(report(misspelt.longCallsOutsideTransactions(), clean))
        .contains(
            "class "
                + CLEAN
                + ".adapter.persistence.Transactions is named by the rule but it was not imported");
  }

  @Test
  @DisplayName("a long-call annotation that marks nothing fails the long-call rule")
  void longCallAnnotationMustMarkSomething() {
    JavaClasses clean = new ClassFileImporter().importPackages(CLEAN);
    HexagonRules wrong =
        HexagonRules.of(
            Hexagon.describe(CLEAN)
                .longCallPorts(CLEAN + ".application.port.out.Slow")
                .transactionCallbacks(CLEAN + ".adapter.persistence.Tx")
                .build());

    assertThatThrownBy(() -> wrong.longCallsOutsideTransactions().check(clean))
        .isInstanceOf(AssertionError.class)
        .hasMessageContaining("long-call ports exist");
  }

  @Test
  @DisplayName("a technology no adapter declares is the composition root's alone, or nobody's")
  void undeclaredTechnologyIsConfinedToo() {
    JavaClasses clean = new ClassFileImporter().importPackages(CLEAN);
    HexagonRules undeclared = HexagonRules.of(Hexagon.describe(CLEAN).noComposition().build());

    assertThat(report(undeclared.technologyStaysInItsAdapters(Technology.JAVALIN), clean))
        .contains("technologyStaysInItsAdapters(Javalin): nothing in " + CLEAN + " may use Javalin")
        .contains(CLEAN + ".adapter.web.TicketsHandler");
  }

  @Test
  @DisplayName("the clean fixture service keeps every rule of its hexagon")
  void cleanServicePasses() {
    JavaClasses clean = new ClassFileImporter().importPackages(CLEAN);
    HexagonRules rules = HexagonRules.of(cleanService());

    assertThat(rules.names())
        .contains(
            "longCallsOutsideTransactions",
            "persistencePortsBelongToTheirAdapter",
            "adaptersAreNamed");
    rules.everything().check(clean);
  }

  @Test
  @DisplayName("ports beside the application: the application uses them, long calls live there")
  void portsOutsideTheApplication() {
    String root = RuleFixturesTest.FIXTURES + ".portsoutside";
    JavaClasses classes = new ClassFileImporter().importPackages(root);
    HexagonRules rules =
        HexagonRules.of(
                Hexagon.describe(root)
                    .inPorts("port.in")
                    .outPorts("port.out")
                    .longCallPorts(root + ".port.out.LongCall")
                    .noComposition()
                    .build())
            // long calls assume @Transactional; this fixture has no database at all
            .except("longCallsOutsideTransactions", "nothing here runs in a transaction");

    rules.everything().check(classes);
  }

  @Test
  @DisplayName("everything() names the broken rule on each line of its report")
  void everythingNamesTheBrokenRule() {
    JavaClasses classes = new ClassFileImporter().importPackages(ADAPTER_CYCLE);
    HexagonRules rules = HexagonRules.of(adapterCycle());

    EvaluationResult result = rules.everything().evaluate(classes);

    assertThat(result.getFailureReport().getDetails())
        .isNotEmpty()
        .allSatisfy(line -> assertThat(line).matches("\\[[A-Za-z]+(\\(.*\\))?\\] .*"))
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith("[adaptersDoNotDependOnEachOther] ")
                    .contains("BadController"));
    assertThatThrownBy(() -> rules.everything().check(classes))
        .hasMessageContaining("[adaptersDoNotDependOnEachOther]");
  }

  @Test
  @DisplayName(
      "a rule is switched off only by its exact name and with a reason, which stays visible")
  void except() {
    HexagonRules rules = HexagonRules.of(cleanService());
    HexagonRules without = rules.except("adaptersAreNamed", "legacy names until the 2027 rename");

    assertThat(without.all()).hasSize(rules.all().size() - 1);
    assertThat(without.exceptions())
        .containsEntry("adaptersAreNamed", "legacy names until the 2027 rename");
    assertThat(without.everything().getDescription())
        .contains("except adaptersAreNamed (legacy names until the 2027 rename)");
    assertThatThrownBy(() -> rules.except("adaptersAreNamd", "typo"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("adaptersAreNamed");
    assertThatThrownBy(() -> rules.except("adaptersAreNamed", " "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName(
      "a rule switched off checks nothing when taken by name too, as a test per rule takes it")
  void exceptedRuleByName() {
    JavaClasses classes = new ClassFileImporter().importPackages(ADAPTER_CYCLE);
    HexagonRules rules = HexagonRules.of(adapterCycle());
    assertThatThrownBy(() -> rules.rule("adaptersDoNotDependOnEachOther").check(classes))
        .as("the fixture breaks the rule")
        .isInstanceOf(AssertionError.class);

    HexagonRules without =
        rules.except("adaptersDoNotDependOnEachOther", "the web adapter calls the llm until #12");
    ArchRule off = without.rule("adaptersDoNotDependOnEachOther");

    off.check(classes);
    assertThat(off.getDescription())
        .isEqualTo(
            "adaptersDoNotDependOnEachOther is switched off: the web adapter calls the llm until"
                + " #12");
    assertThat(without.names()).contains("adaptersDoNotDependOnEachOther");
  }

  @Test
  @DisplayName("bad roots, packages and class names are refused at once")
  void refusesBadInput() {
    assertThatThrownBy(() -> Hexagon.describe("")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hexagon.describe("com..acme"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hexagon.describe("com.acme").domain("com.acme.domain"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("relative to the root");
    // a main class in the root package tempts a service to describe its composition as ""
    assertThatThrownBy(() -> Hexagon.describe("com.acme").composition(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("\"\" is not a package below the root com.acme")
        .hasMessageContaining("move classes of the root package itself");
    assertThatThrownBy(() -> Hexagon.describe("com.acme").longCallPorts("LongCall"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Hexagon.describe("com.acme").adapterVocabulary("wire format"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> Hexagon.describe("com.acme").adapter("web", "a.web").adapter("web", "b.web"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> Hexagon.describe("com.acme").persistencePorts("domain.port", "db").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("db");
    assertThatThrownBy(() -> Technology.of("Nothing")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName(
      "a long-call failure names the method, the transaction, the helper path and the line")
  void longCallFailureExplainsItself() {
    String root = RuleFixturesTest.FIXTURES + ".longcallhelper";
    HexagonRules rules =
        HexagonRules.of(
            Hexagon.describe(root)
                .longCallPorts(root + ".application.port.out.LongCall")
                .transactionCallbacks(root + ".adapter.persistence.Tx")
                .build());

    String report =
        report(rules.longCallsOutsideTransactions(), new ClassFileImporter().importPackages(root));

    assertThat(report)
        .contains("Rule 'longCallsOutsideTransactions: no code that runs inside a transaction")
        .contains(", because a pooled connection must never be held while a remote call runs")
        .contains(root + ".application.BadService.answer(java.lang.String) calls long-call port")
        .contains(root + ".application.port.out.ModelPort.ask inside a transaction")
        .contains("(lambda passed to Tx.call, BadService.java:")
        .contains("via " + root + ".application.BadService.enrich(java.lang.String)")
        .contains("(BadService.java:");
  }

  @Test
  @DisplayName("the vocabulary rule matches whole words only")
  void vocabularyMatchesWholeWords() {
    Vocabulary wire = new Vocabulary(List.of("wire", "json"));

    assertThat(wire.found("fromWire")).contains("wire");
    assertThat(wire.found("WIRE_NAME")).contains("wire");
    assertThat(wire.found("parametersJSONSchema")).contains("json");
    assertThat(wire.found("hardwired")).isEmpty();
    assertThat(wire.found("Hardwired")).isEmpty();
  }

  private static String report(ArchRule rule, JavaClasses classes) {
    EvaluationResult result = rule.evaluate(classes);
    assertThat(result.hasViolation()).as(rule.getDescription()).isTrue();
    return result.getFailureReport().toString();
  }

  private static final String ADAPTER_CYCLE = RuleFixturesTest.FIXTURES + ".adaptercycle";

  /**
   * The fixture whose web adapter calls the llm adapter; the persistence adapter's technologies.
   */
  private static Hexagon adapterCycle(Technology... persistence) {
    return Hexagon.describe(ADAPTER_CYCLE)
        .adapter("persistence", "adapter.persistence", persistence)
        .adapter("llm", "adapter.llm")
        .adapter("web", "adapter.web")
        .build();
  }
}
