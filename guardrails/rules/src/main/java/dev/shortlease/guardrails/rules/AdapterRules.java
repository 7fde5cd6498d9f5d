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

/** Rule bodies for adapters, the technologies they own, and the entities inside them. */
final class AdapterRules extends RuleFactory {
  AdapterRules(Hexagon hexagon) {
    super(hexagon);
  }

  ArchRule technologyStaysInItsAdapters(Technology technology) {
    List<String> owners =
        hexagon.adapters().stream()
            .filter(a -> a.technologies().contains(technology))
            .map(Hexagon.Adapter::packageName)
            .toList();
    List<String> allowed = new ArrayList<>(owners);
    hexagon.composition().ifPresent(allowed::add);
    List<String> named = new ArrayList<>(List.of(hexagon.root()));
    named.addAll(allowed);
    List<String> users =
        new ArrayList<>(
            hexagon.adapters().stream()
                .filter(a -> a.technologies().contains(technology))
                .map(a -> "adapter " + a.name())
                .toList());
    hexagon.composition().ifPresent(c -> users.add("the composition root"));
    String who =
        users.isEmpty()
            ? "nothing in " + hexagon.root() + " may use "
            : "only " + String.join(", ", users) + " may use ";
    return NamedParts.rule(
        HexagonRules.technologyRuleName(technology) + ": " + who + technology,
        named,
        noClasses()
            .that()
            .resideInAPackage(Packages.tree(hexagon.root()))
            .and()
            .resideOutsideOfPackages(Packages.trees(allowed))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(technology.identifiers())
            .because("a technology behind a port can be replaced; one that leaks cannot"));
  }

  ArchRule adaptersUseTheirTechnology() {
    requireAdapters(1);
    return NamedParts.rule(
        "adaptersUseTheirTechnology: each adapter uses every technology it declares",
        adapterPackages(),
        TechnologyUse.body(hexagon.adapters()));
  }

  ArchRule adaptersDoNotDependOnEachOther() {
    requireAdapters(2);
    List<ArchRule> perAdapter = new ArrayList<>();
    for (Hexagon.Adapter adapter : hexagon.adapters()) {
      List<String> others =
          hexagon.adapters().stream()
              .filter(other -> other != adapter)
              .map(Hexagon.Adapter::packageName)
              .toList();
      perAdapter.add(
          noClasses()
              .that()
              .resideInAPackage(Packages.tree(adapter.packageName()))
              .should()
              .dependOnClassesThat()
              .resideInAnyPackage(Packages.trees(others))
              .allowEmptyShould(false));
    }
    return NamedParts.rule(
        "adaptersDoNotDependOnEachOther: adapters never depend on one another, they meet only at ports",
        adapterPackages(),
        CompositeArchRule.of(perAdapter)
            .as("adapters never depend on one another")
            .because("adapters are replaced one at a time"));
  }

  ArchRule adaptersUseOnlyApplicationPorts() {
    String application = require(hexagon.application(), "an application ring");
    requireAdapters(1);
    List<String> ports = hexagon.applicationPortPackages();
    DescribedPredicate<JavaClass> internals =
        JavaClass.Predicates.resideInAPackage(Packages.tree(application))
            .and(not(JavaClass.Predicates.resideInAnyPackage(Packages.trees(ports))))
            .as("are application internals (outside " + String.join(", ", ports) + ")");
    List<String> named = new ArrayList<>(adapterPackages());
    named.add(application);
    named.addAll(ports);
    return NamedParts.rule(
        "adaptersUseOnlyApplicationPorts: adapters use "
            + application
            + " only through its ports "
            + ports,
        named,
        noClasses()
            .that()
            .resideInAnyPackage(Packages.trees(adapterPackages()))
            .should()
            .dependOnClassesThat(internals)
            .because("use-case internals change freely behind the ports"));
  }

  ArchRule entitiesAreNotPublic() {
    List<String> annotations = require(hexagon.entityAnnotations(), "entity annotations");
    return NamedParts.rule(
        "entitiesAreNotPublic: classes annotated " + simpleNames(annotations) + " are not public",
        List.of(hexagon.root()),
        classes()
            .that()
            .resideInAPackage(Packages.tree(hexagon.root()))
            .and(EntityExposure.entity(annotations))
            .should()
            .notBePublic()
            .because("managed state must not leave the persistence adapter"));
  }

  ArchRule sessionsAreNotKeptInFields() {
    return NamedParts.rule(
        "sessionsAreNotKeptInFields: no field holds an EntityManager, a Hibernate session or a"
            + " JDBC connection (unless injected with @PersistenceContext)",
        List.of(hexagon.root()),
        classes()
            .that()
            .resideInAPackage(Packages.tree(hexagon.root()))
            .should(SessionFields.notKeepSessionsInFields())
            .because(
                "a session kept in a field outlives its unit of work: shared by threads, it holds"
                    + " its connection or persistence context as long as the object lives"));
  }

  ArchRule entitiesStayOutOfReachableSignatures() {
    List<String> annotations = require(hexagon.entityAnnotations(), "entity annotations");
    return NamedParts.rule(
        "entitiesStayOutOfReachableSignatures: no entity type appears in a signature reachable"
            + " from another package",
        List.of(hexagon.root()),
        classes()
            .that()
            .resideInAPackage(Packages.tree(hexagon.root()))
            .and(EntityExposure.REACHABLE_FROM_OTHER_PACKAGES)
            .should(EntityExposure.notExposeEntities(annotations))
            .because("a package-private entity can still leak through a public method"));
  }

  ArchRule adaptersAreNamed() {
    String suffix = require(hexagon.naming().adapter(), "an adapter suffix");
    requireAdapters(1);
    DescribedPredicate<JavaClass> implementsOutPort =
        DescribedPredicate.describe(
            "implement an out-port",
            cls ->
                cls.getRawInterfaces().stream()
                    .anyMatch(
                        i ->
                            Packages.withinAny(i.getPackageName(), hexagon.outPorts())
                                && !hexagon.handles().contains(i.getName())));
    return NamedParts.rule(
        "adaptersAreNamed: adapter classes implementing an out-port are named *" + suffix,
        adapterPackages(),
        classes()
            .that()
            .resideInAnyPackage(Packages.trees(adapterPackages()))
            .and()
            .areNotInterfaces()
            .and(implementsOutPort)
            .should()
            .haveSimpleNameEndingWith(suffix)
            .because("the role is in the name"));
  }
}
