package dev.shortlease.guardrails.rules;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;

/** Rule bodies for ports: the values they speak, the out-port split, their names. */
final class PortRules extends RuleFactory {
  PortRules(Hexagon hexagon) {
    super(hexagon);
  }

  ArchRule portsSpeakValues() {
    requirePorts(hexagon.outPorts(), "out-ports");
    return portValueRule("portsSpeakValues", "out-ports", hexagon.outPorts());
  }

  ArchRule inPortsSpeakValues() {
    requirePorts(hexagon.inPorts(), "in-ports");
    return portValueRule("inPortsSpeakValues", "in-ports", hexagon.inPorts());
  }

  private ArchRule portValueRule(String name, String kind, List<String> ports) {
    return NamedParts.rule(
        name
            + ": "
            + kind
            + " in "
            + String.join(", ", ports)
            + " take and return only IDs, records, enums, sealed values, declared handles and"
            + " java.* values",
        ports,
        namedInRoot(hexagon.portValues(), hexagon.handles()),
        classes()
            .that()
            .resideInAnyPackage(Packages.trees(ports))
            .and()
            .areInterfaces()
            .and()
            .doNotHaveSimpleName("package-info")
            .and(not(JavaClass.Predicates.ANNOTATIONS))
            .should(values.onlyInSignatures())
            .because("nothing managed, mutable or live crosses a port by accident"));
  }

  ArchRule persistencePortsBelongToTheirAdapter() {
    Hexagon.PersistencePorts split = require(hexagon.persistencePorts(), "persistence ports");
    Hexagon.Adapter adapter = hexagon.adapter(split.adapterName()).orElseThrow();
    DescribedPredicate<JavaClass> implementsPersistencePort =
        DescribedPredicate.describe(
            "implement a port of " + split.packageName(),
            cls ->
                cls.getAllRawInterfaces().stream()
                    .anyMatch(i -> Packages.within(i.getPackageName(), split.packageName())));
    List<String> longCallHome =
        hexagon.outPorts().stream().filter(p -> !p.equals(split.packageName())).toList();
    List<ArchRule> parts = new ArrayList<>();
    parts.add(
        classes()
            .that()
            .resideInAPackage(Packages.tree(hexagon.root()))
            .and()
            .areNotInterfaces()
            .and(implementsPersistencePort)
            .should()
            .resideInAPackage(Packages.tree(adapter.packageName()))
            .allowEmptyShould(false));
    if (hexagon.hasLongCallPorts()) {
      parts.add(
          noClasses()
              .that(longCalls.longCallPort())
              .should()
              .resideInAPackage(Packages.tree(split.packageName()))
              .allowEmptyShould(false));
    }
    return NamedParts.rule(
        "persistencePortsBelongToTheirAdapter: the ports in "
            + split.packageName()
            + " are persistence ports, implemented only by adapter "
            + adapter.name()
            + (hexagon.hasLongCallPorts()
                ? "; no long-call type is among them (long-call ports live in "
                    + String.join(", ", longCallHome)
                    + ")"
                : ""),
        List.of(split.packageName(), adapter.packageName()),
        CompositeArchRule.of(parts)
            .as("persistence ports stay persistence ports")
            .because(
                "a persistence-port call is one short transaction of its adapter, while a call"
                    + " that may take seconds must never run inside one"));
  }

  ArchRule useCasesAreNamed() {
    String suffix = require(hexagon.naming().useCase(), "a use-case suffix");
    requirePorts(hexagon.inPorts(), "in-ports");
    return portNameRule("useCasesAreNamed", "in-port", hexagon.inPorts(), suffix);
  }

  ArchRule outPortsAreNamed() {
    String suffix = require(hexagon.naming().outPort(), "an out-port suffix");
    requirePorts(hexagon.outPorts(), "out-ports");
    return portNameRule("outPortsAreNamed", "out-port", hexagon.outPorts(), suffix);
  }

  private ArchRule portNameRule(String name, String kind, List<String> ports, String suffix) {
    DescribedPredicate<JavaClass> plainValue =
        DescribedPredicate.describe(
            "are handles or values",
            cls -> hexagon.handles().contains(cls.getName()) || values.isValue(cls, 0));
    return NamedParts.rule(
        name + ": " + kind + " interfaces in " + String.join(", ", ports) + " are named *" + suffix,
        ports,
        classes()
            .that()
            .resideInAnyPackage(Packages.trees(ports))
            .and()
            .areInterfaces()
            .and()
            .doNotHaveSimpleName("package-info")
            .and(not(JavaClass.Predicates.ANNOTATIONS))
            .and(not(plainValue))
            .should()
            .haveSimpleNameEndingWith(suffix)
            .because("the role is in the name"));
  }
}
