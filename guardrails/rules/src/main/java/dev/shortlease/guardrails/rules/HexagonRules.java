package dev.shortlease.guardrails.rules;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The ArchUnit rules of a {@link Hexagon}. Each rule has a stable name (its method name, plus the
 * technology for {@link #technologyStaysInItsAdapters}); its description starts with that name, so
 * a failure tells you what to {@linkplain #except except} or fix. Every rule fails on an empty
 * import and first checks that each package and class it names was imported.
 *
 * <pre>{@code
 * @AnalyzeClasses(packages = "com.example.ticketing", importOptions = DoNotIncludeTests.class)
 * class ArchitectureTest {
 *   @ArchTest static final ArchRule hexagon = HexagonRules.of(HEXAGON).everything();
 * }
 * }</pre>
 */
public final class HexagonRules {
  private static final System.Logger LOG = System.getLogger(HexagonRules.class.getName());

  private final Hexagon hexagon;
  private final Map<String, Supplier<ArchRule>> applicable;
  private final Map<String, String> exceptions;
  private final PortValues values;
  private final LongCalls longCalls;

  private HexagonRules(Hexagon hexagon, Map<String, String> exceptions) {
    this.hexagon = hexagon;
    this.exceptions = Collections.unmodifiableMap(new LinkedHashMap<>(exceptions));
    this.values = new PortValues(hexagon);
    this.longCalls = new LongCalls(hexagon);
    this.applicable = applicableRules();
  }

  /** The rules of {@code hexagon}; only those whose parts the hexagon has. */
  public static HexagonRules of(Hexagon hexagon) {
    return new HexagonRules(hexagon, Map.of());
  }

  public Hexagon hexagon() {
    return hexagon;
  }

  /** The names of every rule that applies to this hexagon, excepted ones included. */
  public List<String> names() {
    return List.copyOf(applicable.keySet());
  }

  /** Every applicable rule except those switched off with {@link #except}, in diagram order. */
  public List<ArchRule> all() {
    return applicable.entrySet().stream()
        .filter(e -> !exceptions.containsKey(e.getKey()))
        .map(e -> e.getValue().get())
        .toList();
  }

  /** {@link #all()} as one rule, for a single {@code @ArchTest} field. */
  public ArchRule everything() {
    StringBuilder description = new StringBuilder("the architecture rules of " + hexagon.root());
    exceptions.forEach(
        (name, reason) ->
            description.append("; except ").append(name).append(" (").append(reason).append(")"));
    return CompositeArchRule.of(all()).as(description.toString());
  }

  /** The applicable rule called {@code name} (see {@link #names()}). */
  public ArchRule rule(String name) {
    return known(name).get();
  }

  /**
   * These rules without {@code ruleName}, for a reason that is logged and shown in {@link
   * #everything()}'s description. To accept today's violations of a rule but keep it for new code,
   * freeze it instead ({@link Freeze}).
   */
  public HexagonRules except(String ruleName, String reason) {
    known(ruleName);
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("switching off rule " + ruleName + " needs a reason");
    }
    LOG.log(
        System.Logger.Level.WARNING,
        "architecture rule {0} is switched off: {1}",
        ruleName,
        reason);
    Map<String, String> more = new LinkedHashMap<>(exceptions);
    more.put(ruleName, reason);
    return new HexagonRules(hexagon, more);
  }

  /** The rules switched off, by name, with their reasons. */
  public Map<String, String> exceptions() {
    return exceptions;
  }

  private Supplier<ArchRule> known(String name) {
    Supplier<ArchRule> rule = applicable.get(name);
    if (rule == null) {
      throw new IllegalArgumentException(
          "no rule " + name + " applies to " + hexagon.root() + "; its rules are " + names());
    }
    return rule;
  }

  private Map<String, Supplier<ArchRule>> applicableRules() {
    Map<String, Supplier<ArchRule>> rules = new LinkedHashMap<>();
    Hexagon h = hexagon;
    h.domain().ifPresent(d -> rules.put("domainDependsOnJavaOnly", this::domainDependsOnJavaOnly));
    h.application()
        .ifPresent(
            a ->
                rules.put(
                    "applicationDependsOnDomainAndInjectOnly",
                    this::applicationDependsOnDomainAndInjectOnly));
    for (Technology technology : h.confinedTechnologies()) {
      rules.put(technologyRuleName(technology), () -> technologyStaysInItsAdapters(technology));
    }
    if (h.adapters().stream().anyMatch(a -> !a.technologies().isEmpty())) {
      rules.put("adaptersUseTheirTechnology", this::adaptersUseTheirTechnology);
    }
    if (h.adapters().size() > 1) {
      rules.put("adaptersDoNotDependOnEachOther", this::adaptersDoNotDependOnEachOther);
    }
    if (h.application().isPresent() && !h.adapters().isEmpty()) {
      rules.put("adaptersUseOnlyApplicationPorts", this::adaptersUseOnlyApplicationPorts);
    }
    if (h.composition().isPresent()) {
      rules.put("nothingDependsOnTheComposition", this::nothingDependsOnTheComposition);
    }
    if (h.entityAnnotations().isPresent()) {
      rules.put("entitiesAreNotPublic", this::entitiesAreNotPublic);
      rules.put("entitiesStayOutOfReachableSignatures", this::entitiesStayOutOfReachableSignatures);
    }
    if (!h.inPorts().isEmpty()) {
      rules.put("inPortsSpeakValues", this::inPortsSpeakValues);
    }
    if (!h.outPorts().isEmpty()) {
      rules.put("portsSpeakValues", this::portsSpeakValues);
    }
    if (h.persistencePorts().isPresent()) {
      rules.put("persistencePortsBelongToTheirAdapter", this::persistencePortsBelongToTheirAdapter);
    }
    if (h.hasLongCallPorts()) {
      rules.put(
          "longCallTypesAreApplicationInterfaces", this::longCallTypesAreApplicationInterfaces);
      if (!h.transactionCallbacks().isEmpty() || !h.transactionalAnnotations().isEmpty()) {
        rules.put("longCallsOutsideTransactions", this::longCallsOutsideTransactions);
      }
    }
    if (!h.adapterVocabulary().isEmpty()
        && (h.domain().isPresent() || h.application().isPresent())) {
      rules.put("adapterVocabularyStaysInAdapters", this::adapterVocabularyStaysInAdapters);
    }
    if (h.uniqueClassNames()) {
      rules.put("classNamesAreUnique", this::classNamesAreUnique);
    }
    if (h.naming().useCase().isPresent() && !h.inPorts().isEmpty()) {
      rules.put("useCasesAreNamed", this::useCasesAreNamed);
    }
    if (h.naming().outPort().isPresent() && !h.outPorts().isEmpty()) {
      rules.put("outPortsAreNamed", this::outPortsAreNamed);
    }
    if (h.naming().adapter().isPresent() && !h.adapters().isEmpty() && !h.outPorts().isEmpty()) {
      rules.put("adaptersAreNamed", this::adaptersAreNamed);
    }
    return rules;
  }

  /** The name of the confinement rule of {@code technology}. */
  public static String technologyRuleName(Technology technology) {
    return "technologyStaysInItsAdapters(" + technology.name() + ")";
  }

  // ---- the rings ----

  /** The domain depends on {@code java.*} (and {@link Hexagon.Builder#domainMayUse}) only. */
  public ArchRule domainDependsOnJavaOnly() {
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

  /**
   * The application depends on the domain, {@code jakarta.inject}/{@code javax.inject} and java.*.
   */
  public ArchRule applicationDependsOnDomainAndInjectOnly() {
    String application = require(hexagon.application(), "an application ring");
    List<String> allowed =
        new ArrayList<>(
            List.of(Packages.tree(application), "java..", "jakarta.inject..", "javax.inject.."));
    hexagon.domain().ifPresent(d -> allowed.add(Packages.tree(d)));
    allowed.addAll(hexagon.applicationMayUse());
    List<String> named = new ArrayList<>(List.of(application));
    hexagon.domain().ifPresent(named::add);
    return NamedParts.rule(
        "applicationDependsOnDomainAndInjectOnly: "
            + application
            + " depends on the domain, jakarta.inject and java.* only",
        named,
        classes()
            .that()
            .resideInAPackage(Packages.tree(application))
            .should()
            .onlyDependOnClassesThat()
            .resideInAnyPackage(allowed.toArray(String[]::new))
            .because("use cases stay testable with fakes and free of frameworks"));
  }

  // ---- adapters and technologies ----

  /**
   * Only the adapters that declare {@code technology}, and the composition root, depend on it; a
   * technology no adapter declares is for the composition root alone.
   */
  public ArchRule technologyStaysInItsAdapters(Technology technology) {
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
        technologyRuleName(technology) + ": " + who + technology,
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

  /** One confinement rule per confined technology. */
  public List<ArchRule> technologiesStayInTheirAdapters() {
    return hexagon.confinedTechnologies().stream().map(this::technologyStaysInItsAdapters).toList();
  }

  /** Each adapter depends on every technology it declares: a misspelt one would confine nothing. */
  public ArchRule adaptersUseTheirTechnology() {
    requireAdapters(1);
    return NamedParts.rule(
        "adaptersUseTheirTechnology: each adapter uses every technology it declares",
        adapterPackages(),
        TechnologyUse.body(hexagon.adapters()));
  }

  /** No adapter depends on another; they meet only at ports. */
  public ArchRule adaptersDoNotDependOnEachOther() {
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

  /** Adapters use the application only through its port packages, never use-case internals. */
  public ArchRule adaptersUseOnlyApplicationPorts() {
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

  /** Only the composition root depends on the composition root. */
  public ArchRule nothingDependsOnTheComposition() {
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

  // ---- entities ----

  /** Entity classes are package-private: the compiler keeps them inside their adapter. */
  public ArchRule entitiesAreNotPublic() {
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

  /** No entity (also as type argument or array element) in a signature another package can see. */
  public ArchRule entitiesStayOutOfReachableSignatures() {
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

  // ---- ports ----

  /** Out-port interfaces take and return only values (see {@link Hexagon.Builder#handles}). */
  public ArchRule portsSpeakValues() {
    requirePorts(hexagon.outPorts(), "out-ports");
    return portValueRule("portsSpeakValues", "out-ports", hexagon.outPorts());
  }

  /** In-port interfaces take and return only values; live handles must be declared handles. */
  public ArchRule inPortsSpeakValues() {
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

  /**
   * The out-port split: persistence ports (say {@code domain.port}) are implemented only by the
   * persistence adapter, and no long-call port lives among them.
   */
  public ArchRule persistencePortsBelongToTheirAdapter() {
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

  // ---- long calls ----

  /**
   * Types marked long-call are interfaces in the application ring (out-ports such as a model port,
   * or application extension points such as agent tools), never in the domain, never among the
   * persistence ports. Without an application ring: interfaces in the out-port packages.
   */
  public ArchRule longCallTypesAreApplicationInterfaces() {
    if (!hexagon.hasLongCallPorts()) {
      throw missing("long-call ports");
    }
    Optional<String> persistence =
        hexagon.persistencePorts().map(Hexagon.PersistencePorts::packageName);
    List<String> homes =
        hexagon.application().map(List::of).orElse(hexagon.outPorts()).stream()
            .filter(p -> persistence.map(s -> !s.equals(p)).orElse(true))
            .toList();
    List<String> notIn = persistence.map(List::of).orElse(List.of());
    return NamedParts.rule(
        "longCallTypesAreApplicationInterfaces: long-call types are interfaces in "
            + String.join(", ", homes)
            + persistence.map(p -> ", outside the persistence ports " + p).orElse(""),
        homes,
        classes()
            .that()
            .resideInAPackage(Packages.tree(hexagon.root()))
            .and(longCalls.longCallPort())
            .should()
            .beInterfaces()
            .andShould()
            .resideInAnyPackage(Packages.trees(homes))
            .andShould()
            .resideOutsideOfPackages(Packages.trees(notIn))
            .because(
                "the runtime guard proxies interfaces, and the domain never waits on a remote call"));
  }

  /**
   * No code that runs inside a transaction (a lambda passed to a transaction callback, a method
   * marked transactional, and helper methods they call) calls a long-call port. See {@link
   * LongCalls} for what this static check cannot see.
   */
  public ArchRule longCallsOutsideTransactions() {
    if (!hexagon.hasLongCallPorts()
        || (hexagon.transactionCallbacks().isEmpty()
            && hexagon.transactionalAnnotations().isEmpty())) {
      throw missing("long-call ports and transaction callbacks or transactional annotations");
    }
    ArchRule portsExist =
        classes()
            .that()
            .resideInAPackage(Packages.tree(hexagon.root()))
            .and(longCalls.longCallPort())
            .should()
            .beInterfaces()
            .allowEmptyShould(false)
            .as("long-call ports exist");
    ArchRule body =
        ArchRuleDefinition.all(longCalls.contexts())
            .should(longCalls.notCallLongCallPorts())
            .allowEmptyShould(false);
    return NamedParts.rule(
        "longCallsOutsideTransactions: no code that runs inside a transaction calls a long-call"
            + " port",
        List.of(hexagon.root()),
        namedInRoot(hexagon.transactionCallbacks()),
        CompositeArchRule.of(portsExist)
            .and(body)
            .as("long calls outside transactions")
            .because("a pooled connection must never be held while a remote call runs"));
  }

  // ---- naming ----

  /** No domain or application name uses a word of {@link Hexagon#adapterVocabulary()}. */
  public ArchRule adapterVocabularyStaysInAdapters() {
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

  /** No two top-level classes of the hexagon share a simple name. */
  public ArchRule classNamesAreUnique() {
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

  /** In-port interfaces (not handles, not values) are named {@code *UseCase} (or as configured). */
  public ArchRule useCasesAreNamed() {
    String suffix = require(hexagon.naming().useCase(), "a use-case suffix");
    requirePorts(hexagon.inPorts(), "in-ports");
    return portNameRule("useCasesAreNamed", "in-port", hexagon.inPorts(), suffix);
  }

  /** Out-port interfaces (not handles, not values) are named {@code *Port} (or as configured). */
  public ArchRule outPortsAreNamed() {
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

  /** Adapter classes that implement an out-port are named {@code *Adapter} (or as configured). */
  public ArchRule adaptersAreNamed() {
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

  // ---- helpers ----

  private List<String> adapterPackages() {
    return hexagon.adapters().stream().map(Hexagon.Adapter::packageName).toList();
  }

  private List<String> namedInRoot(java.util.Collection<String> classNames) {
    return classNames.stream().filter(name -> name.startsWith(hexagon.root() + ".")).toList();
  }

  private List<String> namedInRoot(java.util.Collection<String> a, java.util.Collection<String> b) {
    return Stream.concat(namedInRoot(a).stream(), namedInRoot(b).stream()).toList();
  }

  private void requireAdapters(int count) {
    if (hexagon.adapters().size() < count) {
      throw missing(count == 1 ? "an adapter" : count + " adapters");
    }
  }

  private void requirePorts(List<String> ports, String what) {
    if (ports.isEmpty()) {
      throw missing(what);
    }
  }

  private <T> T require(Optional<T> part, String what) {
    return part.orElseThrow(() -> missing(what));
  }

  private IllegalStateException missing(String what) {
    return new IllegalStateException(
        "this rule needs " + what + ", which " + hexagon + " does not describe");
  }

  private static String simpleNames(List<String> annotations) {
    return annotations.stream()
        .map(a -> "@" + a.substring(a.lastIndexOf('.') + 1))
        .distinct()
        .reduce((x, y) -> x + "/" + y)
        .orElse("");
  }
}
