package dev.shortlease.guardrails.rules;

import com.tngtech.archunit.lang.ArchRule;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

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
  private final RingRules rings;
  private final AdapterRules adapters;
  private final PortRules ports;
  private final LongCallRules longCallRules;

  private HexagonRules(Hexagon hexagon, Map<String, String> exceptions) {
    this.hexagon = hexagon;
    this.exceptions = Collections.unmodifiableMap(new LinkedHashMap<>(exceptions));
    this.rings = new RingRules(hexagon);
    this.adapters = new AdapterRules(hexagon);
    this.ports = new PortRules(hexagon);
    this.longCallRules = new LongCallRules(hexagon);
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

  /**
   * {@link #all()} as one rule, for a single {@code @ArchTest} field; each line of its report
   * starts with the name of the rule that line broke.
   */
  public ArchRule everything() {
    StringBuilder description = new StringBuilder("the architecture rules of " + hexagon.root());
    exceptions.forEach(
        (name, reason) ->
            description.append("; except ").append(name).append(" (").append(reason).append(")"));
    Map<String, ArchRule> named = new LinkedHashMap<>();
    applicable.forEach(
        (name, rule) -> {
          if (!exceptions.containsKey(name)) {
            named.put(name, rule.get());
          }
        });
    return new NamedRuleSet(named, description.toString());
  }

  /**
   * The applicable rule called {@code name} (see {@link #names()}); for a rule switched off with
   * {@link #except}, a rule that checks nothing and says so and why in its description, so a test
   * per name honours the exception as {@link #everything()} does.
   */
  public ArchRule rule(String name) {
    Supplier<ArchRule> rule = known(name);
    String reason = exceptions.get(name);
    return reason == null
        ? rule.get()
        : new NamedRuleSet(Map.of(), name + " is switched off: " + reason);
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
    if (h.adapters().stream()
        .anyMatch(
            a ->
                a.technologies().contains(Technology.JPA)
                    || a.technologies().contains(Technology.JDBC))) {
      rules.put("sessionsAreNotKeptInFields", this::sessionsAreNotKeptInFields);
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
    }
    if (h.hasLongCalls()
        && (!h.transactionCallbacks().isEmpty() || !h.transactionalAnnotations().isEmpty())) {
      rules.put("longCallsOutsideTransactions", this::longCallsOutsideTransactions);
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

  // The rules, one method each; their bodies live in RingRules, AdapterRules, PortRules and
  // LongCallRules.

  /** The domain depends on {@code java.*} (and {@link Hexagon.Builder#domainMayUse}) only. */
  public ArchRule domainDependsOnJavaOnly() {
    return rings.domainDependsOnJavaOnly();
  }

  /**
   * The application depends on the domain, its port packages, {@code jakarta.inject}/{@code
   * javax.inject} and java.*.
   */
  public ArchRule applicationDependsOnDomainAndInjectOnly() {
    return rings.applicationDependsOnDomainAndInjectOnly();
  }

  /**
   * Only the adapters that declare {@code technology}, and the composition root, depend on it; a
   * technology no adapter declares is for the composition root alone.
   */
  public ArchRule technologyStaysInItsAdapters(Technology technology) {
    return adapters.technologyStaysInItsAdapters(technology);
  }

  /** One confinement rule per confined technology. */
  public List<ArchRule> technologiesStayInTheirAdapters() {
    return hexagon.confinedTechnologies().stream().map(this::technologyStaysInItsAdapters).toList();
  }

  /** Each adapter depends on every technology it declares: a misspelt one would confine nothing. */
  public ArchRule adaptersUseTheirTechnology() {
    return adapters.adaptersUseTheirTechnology();
  }

  /** No adapter depends on another; they meet only at ports. */
  public ArchRule adaptersDoNotDependOnEachOther() {
    return adapters.adaptersDoNotDependOnEachOther();
  }

  /** Adapters use the application only through its port packages, never use-case internals. */
  public ArchRule adaptersUseOnlyApplicationPorts() {
    return adapters.adaptersUseOnlyApplicationPorts();
  }

  /** Only the composition root depends on the composition root. */
  public ArchRule nothingDependsOnTheComposition() {
    return rings.nothingDependsOnTheComposition();
  }

  /** Entity classes are package-private: the compiler keeps them inside their adapter. */
  public ArchRule entitiesAreNotPublic() {
    return adapters.entitiesAreNotPublic();
  }

  /**
   * No field holds an EntityManager, a Hibernate session or a JDBC connection, unless injected with
   * {@code @PersistenceContext} (a container's thread-bound proxy). Applies once an adapter
   * declares JPA or JDBC.
   */
  public ArchRule sessionsAreNotKeptInFields() {
    return adapters.sessionsAreNotKeptInFields();
  }

  /** No entity (also as type argument or array element) in a signature another package can see. */
  public ArchRule entitiesStayOutOfReachableSignatures() {
    return adapters.entitiesStayOutOfReachableSignatures();
  }

  /** Out-port interfaces take and return only values (see {@link Hexagon.Builder#handles}). */
  public ArchRule portsSpeakValues() {
    return ports.portsSpeakValues();
  }

  /** In-port interfaces take and return only values; live handles must be declared handles. */
  public ArchRule inPortsSpeakValues() {
    return ports.inPortsSpeakValues();
  }

  /**
   * The out-port split: persistence ports (say {@code domain.port}) are implemented only by the
   * persistence adapter, and no long-call port lives among them.
   */
  public ArchRule persistencePortsBelongToTheirAdapter() {
    return ports.persistencePortsBelongToTheirAdapter();
  }

  /**
   * Types marked long-call are interfaces in the application ring (out-ports such as a model port,
   * or application extension points such as agent tools), never in the domain, never among the
   * persistence ports. Out-port packages beside the application ring count as its own.
   */
  public ArchRule longCallTypesAreApplicationInterfaces() {
    return longCallRules.longCallTypesAreApplicationInterfaces();
  }

  /**
   * No code that runs inside a transaction (a lambda passed to a transaction callback, a method
   * marked transactional, and helper methods they call) calls a long-call port. What this static
   * check cannot see is listed in the kit's manual (docs/guardrails.md).
   */
  public ArchRule longCallsOutsideTransactions() {
    return longCallRules.longCallsOutsideTransactions();
  }

  /** No domain or application name uses a word of {@link Hexagon#adapterVocabulary()}. */
  public ArchRule adapterVocabularyStaysInAdapters() {
    return rings.adapterVocabularyStaysInAdapters();
  }

  /** No two top-level classes of the hexagon share a simple name. */
  public ArchRule classNamesAreUnique() {
    return rings.classNamesAreUnique();
  }

  /** In-port interfaces (not handles, not values) are named {@code *UseCase} (or as configured). */
  public ArchRule useCasesAreNamed() {
    return ports.useCasesAreNamed();
  }

  /** Out-port interfaces (not handles, not values) are named {@code *Port} (or as configured). */
  public ArchRule outPortsAreNamed() {
    return ports.outPortsAreNamed();
  }

  /** Adapter classes that implement an out-port are named {@code *Adapter} (or as configured). */
  public ArchRule adaptersAreNamed() {
    return adapters.adaptersAreNamed();
  }
}
