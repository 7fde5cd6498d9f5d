package dev.shortlease.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Architecture rules: the module diagram of a shortlease-shaped project, written once as ArchUnit
 * rules and reusable under any root package.
 *
 * <pre>
 *                  domain                 java.* only
 *                    ^
 *               application               domain + jakarta.inject
 *           ^        ^        ^
 *  persistence      llm      web          each adapter alone uses its technology;
 *   adapter       adapter   adapter       adapters never depend on one another
 *           ^        ^        ^
 *                 bootstrap
 * </pre>
 *
 * <p>Every rule fails on empty input and first checks that each package it names holds imported
 * classes, so a misspelt package cannot make a rule pass vacuously.
 */
public final class ShortleaseArchitecture {
  static final String ENTITY = "jakarta.persistence.Entity";

  /** An adapter: its name, its package, and the technology packages only it may use. */
  public record Adapter(String name, String packageName, List<String> technologies) {
    public Adapter {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(packageName, "packageName");
      technologies = List.copyOf(technologies);
      if (technologies.isEmpty()) {
        throw new IllegalArgumentException("adapter " + name + " must name its technology");
      }
    }
  }

  private final String root;
  private final String domain;
  private final String application;
  private final List<String> portPackages;
  private final List<String> valueSources;
  private final Set<String> portValueExceptions;
  private final Map<String, Adapter> adapters = new LinkedHashMap<>();

  private ShortleaseArchitecture(String root) {
    this.root = requirePackage(root);
    this.domain = root + ".domain";
    this.application = root + ".application";
    // Ports checked for value-only signatures, and where the values they may use come from.
    this.portPackages = List.of(domain + ".port", application + ".port.out");
    this.valueSources = List.of(domain, application + ".port");
    this.portValueExceptions = Set.of(application + ".port.out.StopSignal");
    adapter(
        "persistence",
        "jakarta.persistence",
        "org.hibernate",
        "java.sql",
        "javax.sql",
        "com.zaxxer");
    adapter("llm", "dev.langchain4j");
    adapter("web", "io.javalin");
  }

  /** The shortlease layout under {@code root}, e.g. {@code "dev.shortlease"}. */
  public static ShortleaseArchitecture of(String root) {
    return new ShortleaseArchitecture(root);
  }

  private void adapter(String name, String... technologies) {
    String pkg = root + ".adapter." + name;
    adapters.put(name, new Adapter(name, pkg, List.of(technologies)));
  }

  public String domainPackage() {
    return domain;
  }

  public String applicationPackage() {
    return application;
  }

  public List<Adapter> adapters() {
    return List.copyOf(adapters.values());
  }

  /** Every rule, in diagram order. */
  public List<ArchRule> rules() {
    List<ArchRule> rules = new ArrayList<>();
    rules.add(domainDependsOnJavaOnly());
    rules.add(applicationDependsOnDomainAndInjectOnly());
    adapters.keySet().forEach(name -> rules.add(technologyStaysInItsAdapter(name)));
    rules.add(adaptersUseTheirTechnology());
    rules.add(adaptersDoNotDependOnEachOther());
    rules.add(entitiesAreNotPublic());
    rules.add(entitiesStayOutOfReachableSignatures());
    rules.add(portsSpeakValues());
    return rules;
  }

  public ArchRule domainDependsOnJavaOnly() {
    return NamedPackages.rule(
        List.of(domain),
        classes()
            .that()
            .resideInAPackage(tree(domain))
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(tree(domain), "java..")
            .as(domain + " depends on java.* only"));
  }

  public ArchRule applicationDependsOnDomainAndInjectOnly() {
    return NamedPackages.rule(
        List.of(application, domain),
        classes()
            .that()
            .resideInAPackage(tree(application))
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(tree(application), tree(domain), "java..", "jakarta.inject..")
            .as(application + " depends on the domain, jakarta.inject and java.* only"));
  }

  /** No class outside the named adapter uses that adapter's technology. */
  public ArchRule technologyStaysInItsAdapter(String adapterName) {
    Adapter adapter = adapterNamed(adapterName);
    String[] technology = adapter.technologies().stream().map(t -> t + "..").toArray(String[]::new);
    return NamedPackages.rule(
        List.of(root, adapter.packageName()),
        noClasses()
            .that()
            .resideInAPackage(tree(root))
            .and()
            .resideOutsideOfPackage(tree(adapter.packageName()))
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(technology)
            .as(
                "only "
                    + adapter.packageName()
                    + " uses "
                    + String.join(", ", adapter.technologies())));
  }

  /** Each adapter uses every technology package it claims: a misspelt one would confine nothing. */
  public ArchRule adaptersUseTheirTechnology() {
    return NamedPackages.rule(
        adapters.values().stream().map(Adapter::packageName).toList(),
        TechnologyUse.rule(adapters()));
  }

  public ArchRule adaptersDoNotDependOnEachOther() {
    List<ArchRule> perAdapter = new ArrayList<>();
    for (Adapter adapter : adapters.values()) {
      String[] others =
          adapters.values().stream()
              .filter(other -> other != adapter)
              .map(other -> tree(other.packageName()))
              .toArray(String[]::new);
      perAdapter.add(
          noClasses()
              .that()
              .resideInAPackage(tree(adapter.packageName()))
              .should()
              .dependOnClassesThat()
              .resideInAnyPackage(others)
              .allowEmptyShould(false));
    }
    return NamedPackages.rule(
        adapters.values().stream().map(Adapter::packageName).toList(),
        CompositeArchRule.of(perAdapter).as("adapters never depend on one another"));
  }

  public ArchRule entitiesAreNotPublic() {
    return NamedPackages.rule(
        List.of(root),
        classes()
            .that()
            .resideInAPackage(tree(root))
            .and()
            .areAnnotatedWith(ENTITY)
            .should()
            .notBePublic()
            .as("@Entity classes are not public"));
  }

  public ArchRule entitiesStayOutOfReachableSignatures() {
    return NamedPackages.rule(
        List.of(root),
        classes()
            .that()
            .resideInAPackage(tree(root))
            .and(EntityExposure.REACHABLE_FROM_OTHER_PACKAGES)
            .should(EntityExposure.notExposeEntities())
            .as("no @Entity type appears in a signature reachable from another package"));
  }

  /** Port methods take and return only the values listed in {@link PortValues}. */
  public ArchRule portsSpeakValues() {
    PortValues values = new PortValues(valueSources, portValueExceptions);
    return NamedPackages.rule(
        Stream.concat(portPackages.stream(), valueSources.stream()).toList(),
        classes()
            .that()
            .resideInAnyPackage(portPackages.toArray(String[]::new))
            .and()
            .areInterfaces()
            .should(values.onlyInSignatures())
            .as(
                "ports in "
                    + String.join(", ", portPackages)
                    + " take and return only IDs, records, enums, port interfaces and java.*"
                    + " values"));
  }

  private Adapter adapterNamed(String name) {
    Adapter adapter = adapters.get(name);
    if (adapter == null) {
      throw new IllegalArgumentException("no adapter " + name + "; known: " + adapters.keySet());
    }
    return adapter;
  }

  private static String tree(String pkg) {
    return pkg + "..";
  }

  private static String requirePackage(String root) {
    if (root == null || !root.matches("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*")) {
      throw new IllegalArgumentException("not a package name: " + root);
    }
    return root;
  }
}
