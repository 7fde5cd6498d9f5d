package dev.shortlease.guardrails.rules;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Rule bodies for the rings: what the domain, the application and the composition root may depend
 * on, and the words they may use.
 */
final class RingRules extends RuleFactory {
  RingRules(Hexagon hexagon) {
    super(hexagon);
  }

  ArchRule domainDependsOnJavaOnly() {
    String domain = require(hexagon.domain(), "a domain");
    List<String> allowed = new ArrayList<>(List.of(Packages.tree(domain), "java.."));
    allowed.addAll(hexagon.domainMayUse());
    return NamedParts.rule(
        "domainDependsOnJavaOnly: " + domain + " depends on java.* only",
        List.of(domain),
        classes()
            .that()
            .resideInAPackage(Packages.tree(domain))
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(allowed.toArray(String[]::new))
            .because("the domain must outlive every framework"));
  }

  ArchRule applicationDependsOnDomainAndInjectOnly() {
    String application = require(hexagon.application(), "an application ring");
    List<String> allowed =
        new ArrayList<>(
            List.of(Packages.tree(application), "java..", "jakarta.inject..", "javax.inject.."));
    hexagon.domain().ifPresent(d -> allowed.add(Packages.tree(d)));
    // Ports may lie beside the ring (inPorts("port.in")): it implements and calls them.
    allowed.addAll(List.of(Packages.trees(hexagon.inPorts())));
    allowed.addAll(List.of(Packages.trees(hexagon.outPorts())));
    allowed.addAll(hexagon.applicationMayUse());
    List<String> named = new ArrayList<>(List.of(application));
    hexagon.domain().ifPresent(named::add);
    return NamedParts.rule(
        "applicationDependsOnDomainAndInjectOnly: "
            + application
            + " depends on the domain, its ports, jakarta.inject and java.* only",
        named,
        classes()
            .that()
            .resideInAPackage(Packages.tree(application))
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(allowed.toArray(String[]::new))
            .because("use cases stay testable with fakes and free of frameworks"));
  }

  ArchRule nothingDependsOnTheComposition() {
    String composition = require(hexagon.composition(), "a composition root");
    return NamedParts.rule(
        "nothingDependsOnTheComposition: no class outside " + composition + " depends on it",
        List.of(hexagon.root(), composition),
        noClasses()
            .that()
            .resideInAPackage(Packages.tree(hexagon.root()))
            .and()
            .resideOutsideOfPackage(Packages.tree(composition))
            .should()
            .dependOnClassesThat()
            .resideInAPackage(Packages.tree(composition))
            .because("the composition root wires everything and is wired by nothing"));
  }

  ArchRule adapterVocabularyStaysInAdapters() {
    if (hexagon.adapterVocabulary().isEmpty()) {
      throw missing("an adapter vocabulary");
    }
    List<String> rings =
        Stream.of(hexagon.domain(), hexagon.application()).flatMap(Optional::stream).toList();
    if (rings.isEmpty()) {
      throw missing("a domain or an application ring");
    }
    return NamedParts.rule(
        "adapterVocabularyStaysInAdapters: no class, method or field in "
            + String.join(", ", rings)
            + " is named with "
            + hexagon.adapterVocabulary(),
        rings,
        classes()
            .that()
            .resideInAnyPackage(Packages.trees(rings))
            .should(new Vocabulary(hexagon.adapterVocabulary()).notBeSpoken())
            .because("protocol and format words belong to the adapters that translate them"));
  }

  ArchRule classNamesAreUnique() {
    if (!hexagon.uniqueClassNames()) {
      throw missing("uniqueClassNames()");
    }
    return NamedParts.rule(
        "classNamesAreUnique: no two top-level classes in "
            + hexagon.root()
            + " share a simple name",
        List.of(hexagon.root()),
        classes()
            .that()
            .resideInAPackage(Packages.tree(hexagon.root()))
            .and()
            .areTopLevelClasses()
            .and()
            .doNotHaveSimpleName("package-info")
            .should(UniqueNames.haveAUniqueSimpleName())
            .because(
                "two classes of one name in one service are usually one concept written twice"));
  }
}
